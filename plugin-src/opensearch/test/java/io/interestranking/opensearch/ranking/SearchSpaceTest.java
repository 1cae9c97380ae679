package io.interestranking.opensearch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelRegistry;
import io.interestranking.core.embedding.NativeRuntime;
import io.interestranking.core.stats.InterestStats;
import io.interestranking.opensearch.settings.InterestConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.index.query.BaseQueryRewriteContext;
import org.opensearch.index.query.QueryCoordinatorContext;
import org.opensearch.index.query.QueryRewriteContext;

/** Which model a search's field is in, from the dimensions its indices' mappings give (the bundled models). */
class SearchSpaceTest {

    @TempDir
    Path tmp;

    private RankingContext context(Map<String, Integer> dimensions) {
        Path models = Path.of(System.getProperty("tests.models.dir", "target/models"));
        EmbeddingService embeddings = new EmbeddingService(
                new ModelRegistry(List.of(models)),
                new NativeRuntime(tmp, 1, 1), // never started: no model is run here
                Runnable::run,
                () -> 8192,
                new InterestStats(),
                EmbeddingService::readResidentBytes);
        return new RankingContext(
                () -> embeddings,
                () -> null,
                new InterestConfig(Settings.EMPTY),
                () -> null,
                null,
                (search, field) -> dimensions);
    }

    private static final QueryRewriteContext SHARD =
            new BaseQueryRewriteContext(NamedXContentRegistry.EMPTY, null, null, () -> 0L);
    private static final QueryRewriteContext COORDINATOR =
            new QueryCoordinatorContext(SHARD, new SearchRequest("searched"));

    private String model(Map<String, Integer> dimensions, String named) {
        return SearchSpace.model(COORDINATOR, context(dimensions), "q", "f", named);
    }

    @Test
    void anUnnamedModelIsTheDefaultOrTheOneSpaceOfTheFieldsDimension() {
        assertEquals("all-minilm-l6-v2", model(Map.of("en", 384), null));
        assertEquals("bge-small-zh-v1.5", model(Map.of("zh", 512, "zh-2", 512), null));
        assertEquals("all-minilm-l6-v2-int8", model(Map.of("en", 384), "all-minilm-l6-v2-int8")); // same space
    }

    @Test
    void whereTheMappingsSayNothingTheNamedOrDefaultModelStands() {
        assertEquals("all-minilm-l6-v2", model(Map.of(), null)); // a field mapped nowhere
        assertEquals("bge-small-zh-v1.5", model(Map.of("trained", -1), "bge-small-zh-v1.5")); // a trained model's
        assertEquals(
                "all-minilm-l6-v2",
                SearchSpace.model(SHARD, context(Map.of("zh", 512)), "q", "f", null)); // no searched indices known
    }

    @Test
    void aFieldOfAnotherDimensionThanItsSpaceIsA400NamingBoth() {
        assertEquals(
                "[q] field [f] of [zh] has 512 dimensions, the space of model [all-minilm-l6-v2] has 384",
                assertThrows(IllegalArgumentException.class, () -> model(Map.of("zh", 512), "all-minilm-l6-v2"))
                        .getMessage());
        assertEquals(
                "[q] field [f] of [raw] has 8 dimensions, the default model [all-minilm-l6-v2] has 384 and no model"
                        + " this node knows has 8: name the field's model with [model]",
                assertThrows(IllegalArgumentException.class, () -> model(Map.of("raw", 8), null))
                        .getMessage());
        assertEquals(
                "[q] field [f] has different dimensions in the indices searched {en=384, zh=512}: search them"
                        + " separately",
                assertThrows(IllegalArgumentException.class, () -> model(Map.of("zh", 512, "en", 384), null))
                        .getMessage());
    }
}
