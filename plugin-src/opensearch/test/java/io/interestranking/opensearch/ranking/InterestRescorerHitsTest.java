package io.interestranking.opensearch.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.scoring.RescoreMath;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.opensearch.index.mapper.Uid;

/** The rescorer's reads from Lucene: vectors by doc id (any hit order), _id only when asked for. */
class InterestRescorerHitsTest {

    @Test
    void readsVectorsInHitOrderAndIdsOnlyWhenAsked() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < 3; i++) {
                    Document doc = new Document();
                    BytesRef id = Uid.encodeId("item-" + i);
                    doc.add(new StoredField("_id", id));
                    if (i != 1) { // doc 1 has no vector
                        doc.add(new KnnFloatVectorField("v", new float[] {i, 1}, VectorSimilarityFunction.EUCLIDEAN));
                    }
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // hits out of doc-id order, as a first pass returns them
                ScoreDoc[] docs = {new ScoreDoc(2, 0.9f), new ScoreDoc(0, 0.5f), new ScoreDoc(1, 0.1f)};

                List<RescoreMath.Hit> plain = InterestRescorer.hits(searcher, docs, "v", false);
                assertEquals(
                        List.of(2, 0, 1),
                        plain.stream().map(RescoreMath.Hit::doc).toList());
                assertArrayEquals(new float[] {2, 1}, plain.get(0).vector());
                assertArrayEquals(new float[] {0, 1}, plain.get(1).vector());
                assertNull(plain.get(2).vector());
                assertNull(plain.get(0).id());
                assertEquals(0.9f, plain.get(0).firstPass());

                List<RescoreMath.Hit> withIds = InterestRescorer.hits(searcher, docs, "v", true);
                assertEquals(
                        List.of("item-2", "item-0", "item-1"),
                        withIds.stream().map(RescoreMath.Hit::id).toList());
                assertArrayEquals(new float[] {2, 1}, withIds.get(0).vector());
            }
        }
    }

    @Test
    void aFieldWhoseVectorsANativeEngineKeepsIsA400SayingLucene() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                Document doc = new Document();
                doc.add(new BinaryDocValuesField(
                        "v", new BytesRef(new byte[8]))); // how faiss/nmslib fields store vectors
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                ScoreDoc[] docs = {new ScoreDoc(0, 1f)};
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class,
                        () -> InterestRescorer.hits(new IndexSearcher(reader), docs, "v", false));
                assertTrue(e.getMessage().contains("\"engine\": \"lucene\""), e.getMessage());
                // a field no document of the segment has is no error: those hits just have no vector
                assertNull(InterestRescorer.hits(new IndexSearcher(reader), docs, "other", false)
                        .get(0)
                        .vector());
            }
        }
    }
}
