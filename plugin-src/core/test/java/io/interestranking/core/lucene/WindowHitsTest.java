package io.interestranking.core.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.interestranking.core.scoring.RescoreMath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The window's reads from plain Lucene: vectors by doc id in any hit order, over segments, ids only when asked. */
class WindowHitsTest {

    /** An engine whose _id is stored as UTF-8, recording the segments it was told have no vectors. */
    static final class PlainIds implements WindowHits.Engine {
        final List<Integer> withoutVectors = new ArrayList<>();

        @Override
        public String decodeId(BytesRef stored) {
            return stored.utf8ToString();
        }

        @Override
        public void noVectors(LeafReaderContext leaf, String field) {
            withoutVectors.add(leaf.ord);
        }
    }

    @Test
    void vectorsInHitOrderAcrossSegmentsAndIdsOnlyWhenAsked() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < 4; i++) { // docs 0, 1 in one segment, 2, 3 in another; doc 1 has no vector
                    Document doc = new Document();
                    doc.add(new StoredField("_id", new BytesRef(("item-" + i).getBytes(StandardCharsets.UTF_8))));
                    if (i != 1) {
                        doc.add(new KnnFloatVectorField("v", new float[] {i, 1}, VectorSimilarityFunction.EUCLIDEAN));
                    }
                    writer.addDocument(doc);
                    if (i == 1) {
                        writer.commit();
                    }
                }
                Document noField = new Document(); // a third segment without the field at all
                noField.add(new StoredField("_id", new BytesRef("item-4".getBytes(StandardCharsets.UTF_8))));
                writer.commit();
                writer.addDocument(noField);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(3, reader.leaves().size());
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] docs = { // out of doc-id order, as a first pass returns them
                    new ScoreDoc(3, 0.9f), new ScoreDoc(0, 0.8f), new ScoreDoc(4, 0.7f), new ScoreDoc(1, 0.6f)
                };
                PlainIds engine = new PlainIds();
                List<RescoreMath.Hit> plain = WindowHits.read(searcher, docs, "v", false, engine);
                assertEquals(
                        List.of(3, 0, 4, 1),
                        plain.stream().map(RescoreMath.Hit::doc).toList());
                assertArrayEquals(new float[] {3, 1}, plain.get(0).vector());
                assertArrayEquals(new float[] {0, 1}, plain.get(1).vector());
                assertNull(plain.get(2).vector());
                assertNull(plain.get(3).vector());
                assertNull(plain.get(0).id());
                assertEquals(0.9f, plain.get(0).firstPass());
                assertEquals(List.of(2), engine.withoutVectors); // the engine hears of the segment without the field

                List<RescoreMath.Hit> withIds = WindowHits.read(searcher, docs, "v", true, new PlainIds());
                assertEquals(
                        List.of("item-3", "item-0", "item-4", "item-1"),
                        withIds.stream().map(RescoreMath.Hit::id).toList());
            }
        }
    }
}
