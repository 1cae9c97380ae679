package io.interestranking.opensearch.ranking;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelRegistry;
import io.interestranking.core.embedding.NativeRuntime;
import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.stats.InterestStats;
import io.interestranking.opensearch.InterestRankingPlugin;
import io.interestranking.opensearch.profile.access.UsersResponse;
import io.interestranking.opensearch.settings.InterestConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.unit.ByteSizeValue;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;

/**
 * The plugin's queries for OpenSearch's query test framework, registered as the plugin registers them: query texts
 * are embedded by the real bundled model (on the calling thread), and profiles come from {@link #profileOf} instead
 * of the profile action (the framework's client answers nothing else than GETs).
 */
public class RankingTestPlugin extends Plugin implements SearchPlugin {

    static final String MODEL = "all-minilm-l6-v2";
    static final int DIMENSION = 384;
    /** Users whose id starts with this have no profile: their searches run the fallback. */
    static final String UNKNOWN = "unknown-";

    private final EmbeddingService embeddings;
    private final RankingContext context;

    public RankingTestPlugin() {
        embeddings = embeddingService();
        InterestConfig config = new InterestConfig(Settings.EMPTY);
        QueryEmbeddingCache cache = new QueryEmbeddingCache(new ByteSizeValue(0), model -> DIMENSION);
        context = new RankingContext(
                () -> embeddings,
                () -> cache,
                config,
                () -> null,
                (client, request, listener) -> {
                    Profile profile = profileOf(request.userId());
                    listener.onResponse(new UsersResponse(
                            request.userId(), profile, profile != null, true, false, config.modelParams()));
                },
                (search, field) -> java.util.Map.of()); // shard-style rewrites: no searched indices
    }

    /** The bundled models, run on the calling thread. */
    static EmbeddingService embeddingService() {
        Path models = Path.of(System.getProperty("tests.models.dir", "target/models"));
        Path tmp = LuceneTestCase.createTempDir("onnxruntime");
        return new EmbeddingService(
                new ModelRegistry(List.of(models)),
                new NativeRuntime(tmp, 1, 1),
                Runnable::run,
                () -> 8192,
                new InterestStats(),
                EmbeddingService::readResidentBytes);
    }

    /** A profile made of clicks on directions drawn from the user id, so two reads of one user agree. */
    static Profile profileOf(String userId) {
        if (userId.startsWith(UNKNOWN)) {
            return null;
        }
        Random random = new Random(userId.hashCode());
        Profile p = new Profile(userId, MODEL);
        InterestModel model = new InterestModel(ModelParams.defaults());
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            EventType type = random.nextInt(4) == 0 ? EventType.DISLIKE : EventType.CLICK;
            model.apply(p, new Event(type, t + i, unit(random), "item-" + i, null, 1, null));
        }
        return p;
    }

    static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public List<QuerySpec<?>> getQueries() {
        return InterestRankingPlugin.queries(context);
    }

    @Override
    public void close() {
        embeddings.close();
    }
}
