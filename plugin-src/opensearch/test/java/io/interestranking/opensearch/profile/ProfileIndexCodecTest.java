package io.interestranking.opensearch.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ProfileIndexCodecTest {

    private static byte[] value(Random random, int id, int round) {
        // from one byte to past two chunks (60 KB), so that large documents are sliced into several blocks
        int size = id % 97 == 0 ? 150_000 + id : 1 + (id * 37 + round) % 12_000;
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static Document doc(String id, byte[] value) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        d.add(new StoredField("v", value));
        return d;
    }

    @Test
    void storesEveryValueExactlyThroughOverwritesAndMerges() throws Exception {
        Codec codec = Codec.forName(ProfileIndexCodec.NAME); // found by name, as Lucene finds it for a segment
        Random random = new Random(7);
        int n = 2_000;
        byte[][] latest = new byte[n][];
        try (Directory dir = new ByteBuffersDirectory()) {
            // first without merges: three segments, each overwriting documents of the ones before
            try (IndexWriter w = new IndexWriter(
                    dir, new IndexWriterConfig().setCodec(codec).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int round = 0; round < 3; round++) {
                    for (int i = round % 2; i < n; i += 1 << round) { // all; the odd ones; every fourth
                        latest[i] = value(random, i, round);
                        w.updateDocument(new Term("id", "u" + i), doc("u" + i, latest[i]));
                    }
                    w.commit();
                }
            }
            assertEquals(3, SegmentInfos.readLatestCommit(dir).size());
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setCodec(codec))) {
                w.forceMerge(1); // reads the three segments, writes one
            }
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            assertEquals(1, infos.size());
            assertEquals(ProfileIndexCodec.NAME, infos.info(0).info.getCodec().getName());
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(n, reader.numDocs());
                IndexSearcher searcher = new IndexSearcher(reader);
                StoredFields stored = reader.storedFields();
                for (int i = 0; i < n; i++) {
                    TopDocs hit = searcher.search(new TermQuery(new Term("id", "u" + i)), 1);
                    assertEquals(1, hit.totalHits.value());
                    BytesRef got = stored.document(hit.scoreDocs[0].doc).getBinaryValue("v");
                    assertArrayEquals(
                            latest[i],
                            Arrays.copyOfRange(got.bytes, got.offset, got.offset + got.length),
                            "document u" + i);
                }
            }
        }
    }

    @Test
    void writesValuesUncompressed() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setCodec(new ProfileIndexCodec()))) {
                for (int i = 0; i < 1_000; i++) {
                    w.addDocument(doc("u" + i, new byte[10_240])); // zeros: LZ4 would shrink them a hundredfold
                }
            }
            long bytes = 0;
            for (String file : dir.listAll()) {
                bytes += dir.fileLength(file);
            }
            // 1,000 × 10,240 bytes of values, all on disk, plus ids, terms and headers
            assertTrue(bytes >= 10_240_000L && bytes < 10_400_000L, "the index takes " + bytes + " bytes");
        }
    }
}
