package io.interestranking.opensearch.ranking;

import io.interestranking.core.lucene.WindowHits;
import io.interestranking.core.profile.InterestScorer;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileCodec;
import io.interestranking.core.scoring.RescoreMath;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.opensearch.index.mapper.Uid;
import org.opensearch.search.rescore.RescoreContext;
import org.opensearch.search.rescore.Rescorer;

/**
 * Scores a shard's window: item vectors come from Lucene's vector values of the field (never from _source),
 * the interest score from the profile that came inline with the request.
 */
public final class InterestRescorer implements Rescorer {

    public static final InterestRescorer INSTANCE = new InterestRescorer();

    /** Everything one shard needs to rescore. */
    public static final class Context extends RescoreContext {
        final String userId;
        final String field;
        final RescoreMath.Settings settings;
        final Profile profile;
        final long now;
        final ModelParams params;
        final ExplainCache explainCache;

        Context(
                int windowSize,
                String userId,
                String field,
                RescoreMath.Settings settings,
                Profile profile,
                long now,
                ModelParams params,
                ExplainCache explainCache) {
            super(windowSize, INSTANCE);
            this.userId = userId;
            this.field = field;
            this.settings = settings;
            this.profile = profile;
            this.now = now;
            this.params = params;
            this.explainCache = explainCache;
        }

        /** Identifies this search's rescoring: same user, same search time, same settings. */
        String signature() {
            return userId + '\u0000' + now + '\u0000' + settings;
        }
    }

    private InterestRescorer() {}

    /** A profile and a field of different spaces cannot be compared: a 400 naming both, never a silent misranking. */
    private static void checkSpace(List<RescoreMath.Hit> hits, Context ctx) {
        int profileDim = ProfileCodec.dimension(ctx.profile);
        for (RescoreMath.Hit hit : hits) {
            if (hit.vector() != null && hit.vector().length != profileDim) {
                throw new IllegalArgumentException("[" + InterestRescorerBuilder.NAME + "] field [" + ctx.field
                        + "] has "
                        + hit.vector().length + " dimensions, the profile of [" + ctx.userId + "] is in the space of ["
                        + ctx.profile.space() + "] with " + profileDim + ": name the field's model with [model]");
            }
        }
    }

    @Override
    public TopDocs rescore(TopDocs topDocs, IndexSearcher searcher, RescoreContext rescoreContext) throws IOException {
        Context ctx = (Context) rescoreContext;
        if (topDocs == null || topDocs.scoreDocs.length == 0 || ctx.profile == null || ctx.profile.isEmpty()) {
            return topDocs; // unknown user: the first-pass order stands
        }
        int window = Math.min(ctx.getWindowSize(), topDocs.scoreDocs.length);
        ScoreDoc[] head = Arrays.copyOf(topDocs.scoreDocs, window);
        List<RescoreMath.Hit> hits = hits(searcher, head, ctx.field, ctx.settings.explores());
        checkSpace(hits, ctx);
        RescoreMath.Components[] scored =
                RescoreMath.score(hits, ctx.settings, ctx.profile, new InterestScorer(ctx.params), ctx.now, ctx.userId);
        boolean remember = ctx.settings.lambda() != null && ctx.settings.lambda() < 1.0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < window; i++) {
            head[i] = new ScoreDoc(hits.get(i).doc(), (float) scored[i].total(), head[i].shardIndex);
            if (remember) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(head[i].doc, leaves));
                ctx.explainCache.put(segmentKey(leaf), head[i].doc - leaf.docBase, ctx.signature(), scored[i]);
            }
        }
        Arrays.sort(head, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
        ScoreDoc[] all = Arrays.copyOf(head, topDocs.scoreDocs.length);
        System.arraycopy(topDocs.scoreDocs, window, all, window, topDocs.scoreDocs.length - window);
        ctx.setRescoredDocs(Set.copyOf(Arrays.stream(head).map(d -> d.doc).toList()));
        return new TopDocs(topDocs.totalHits, all);
    }

    /**
     * A segment without Lucene vectors for the field: either no document of it has one (fine: no interest score),
     * or the field keeps them in a native engine's own format (faiss or nmslib, k-NN's default engine on the
     * official distribution), which this rescorer cannot read — say so, rather than silently not personalising.
     */
    static void requireLuceneVectors(LeafReaderContext leaf, String field) {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
        if (info != null && info.getDocValuesType() == DocValuesType.BINARY) {
            throw new IllegalArgumentException(
                    "[" + InterestRescorerBuilder.NAME + "] field [" + field + "] keeps its vectors in a native "
                            + "engine's format (faiss or nmslib): this rescorer reads Lucene vectors, so map the field with "
                            + "\"method\": {\"engine\": \"lucene\"} (docs/ranking.md)");
        }
    }

    /** OpenSearch's side of reading the window: its _id encoding, and fields k-NN's native engines keep. */
    private static final WindowHits.Engine OPENSEARCH = new WindowHits.Engine() {
        @Override
        public String decodeId(BytesRef stored) {
            return Uid.decodeId(stored.bytes, stored.offset, stored.length);
        }

        @Override
        public void noVectors(LeafReaderContext leaf, String field) {
            requireLuceneVectors(leaf, field);
        }
    };

    /** The window's hits with their vectors and, when exploration needs them, their _id ({@link WindowHits}). */
    static List<RescoreMath.Hit> hits(IndexSearcher searcher, ScoreDoc[] docs, String field, boolean withIds)
            throws IOException {
        return WindowHits.read(searcher, docs, field, withIds, OPENSEARCH);
    }

    private static Object segmentKey(LeafReaderContext leaf) {
        var helper = leaf.reader().getCoreCacheHelper();
        return helper != null ? helper.getKey() : leaf.reader();
    }

    @Override
    public Explanation explain(
            int topLevelDocId, IndexSearcher searcher, RescoreContext rescoreContext, Explanation sourceExplanation)
            throws IOException {
        Context ctx = (Context) rescoreContext;
        if (ctx.profile == null || ctx.profile.isEmpty()) {
            return sourceExplanation;
        }
        ScoreDoc doc = new ScoreDoc(topLevelDocId, sourceExplanation.getValue().floatValue());
        List<RescoreMath.Hit> hit = hits(searcher, new ScoreDoc[] {doc}, ctx.field, ctx.settings.explores());
        RescoreMath.Settings noDiversity = ctx.settings.withoutDiversity();
        RescoreMath.Components c = RescoreMath.score(
                hit, noDiversity, ctx.profile, new InterestScorer(ctx.params), ctx.now, ctx.userId)[0];
        if (noDiversity.equals(ctx.settings) == false) {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(topLevelDocId, leaves));
            RescoreMath.Components withMmr =
                    ctx.explainCache.get(segmentKey(leaf), topLevelDocId - leaf.docBase, ctx.signature());
            if (withMmr != null) {
                return Explanation.match(
                        (float) withMmr.total(),
                        "interest rescore: query + interest + exploration + diversity",
                        Explanation.match(
                                (float) withMmr.query(),
                                "query_weight × normalized first-pass score",
                                sourceExplanation),
                        Explanation.match((float) withMmr.interest(), "interest_weight × s(user, item)"),
                        Explanation.match((float) withMmr.exploration(), "exploration bonus"),
                        Explanation.match(
                                (float) withMmr.diversity(),
                                "diversity (MMR) adjustment, lambda " + ctx.settings.lambda()));
            }
        }
        return Explanation.match(
                (float) c.total(),
                "interest rescore: query + interest + exploration",
                Explanation.match((float) c.query(), "query_weight × normalized first-pass score", sourceExplanation),
                Explanation.match((float) c.interest(), "interest_weight × s(user, item)"),
                Explanation.match((float) c.exploration(), "exploration bonus"));
    }
}
