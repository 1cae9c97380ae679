package io.interestranking.core.lucene;

import io.interestranking.core.scoring.RescoreMath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The rescore window's hits with their vectors, read from Lucene: both engines keep a vector field's values as
 * Lucene float vectors, so the reading is shared; what differs (how a stored {@code _id} is encoded, what a segment
 * without vectors means) is the engine's {@link Engine}.
 */
public final class WindowHits {

    /** What an engine tells the reading. */
    public interface Engine {
        /** The document's {@code _id} from its stored field's bytes. */
        String decodeId(BytesRef stored);

        /**
         * A segment whose reader has no float vectors for {@code field}: nothing to do when no document of it has one;
         * an IllegalArgumentException when the engine keeps the field's vectors in a form this cannot read.
         */
        void noVectors(LeafReaderContext leaf, String field);
    }

    private WindowHits() {}

    /**
     * Reads each hit's vector (doc-id order per segment: vector iterators only move forward) and, when {@code
     * withIds} (exploration needs them), its {@code _id}: a stored-field read decompresses a block of documents (≈ 15 µs
     * a hit, measured), which would be most of the rescorer's cost if paid for nothing. Hits come back in {@code docs}'
     * order.
     */
    public static List<RescoreMath.Hit> read(
            IndexSearcher searcher, ScoreDoc[] docs, String field, boolean withIds, Engine engine) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        float[][] vectors = new float[docs.length][];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int currentLeaf = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator iterator = null;
        for (int i : order) {
            int leafIndex = ReaderUtil.subIndex(docs[i].doc, leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                currentLeaf = leafIndex;
                values = leaf.reader().getFloatVectorValues(field);
                if (values == null) {
                    engine.noVectors(leaf, field);
                }
                iterator = values == null ? null : values.iterator();
            }
            int target = docs[i].doc - leaf.docBase;
            if (iterator != null
                    && (iterator.docID() < target ? iterator.advance(target) : iterator.docID()) == target) {
                vectors[i] = values.vectorValue(iterator.index()).clone();
            }
        }
        List<RescoreMath.Hit> hits = new ArrayList<>(docs.length);
        var stored = withIds ? searcher.storedFields() : null;
        for (int i = 0; i < docs.length; i++) {
            String id = null;
            if (stored != null) {
                BytesRef raw = stored.document(docs[i].doc, Set.of("_id")).getBinaryValue("_id");
                id = raw == null ? String.valueOf(docs[i].doc) : engine.decodeId(raw);
            }
            hits.add(new RescoreMath.Hit(docs[i].doc, id, docs[i].score, vectors[i]));
        }
        return hits;
    }
}
