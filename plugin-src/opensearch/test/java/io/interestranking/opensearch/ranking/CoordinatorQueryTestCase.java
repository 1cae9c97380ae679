package io.interestranking.opensearch.ranking;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.opensearch.Version;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.compress.CompressedXContent;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperService;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.knn.index.KNNSettings;
import org.opensearch.knn.index.util.KNNClusterUtil;
import org.opensearch.knn.indices.ModelDao;
import org.opensearch.knn.plugin.KNNPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.AbstractQueryTestCase;
import org.opensearch.test.TestGeoShapeFieldMapperPlugin;

/**
 * The plugin's query builders on OpenSearch's query test framework, with k-NN loaded and a {@code knn_vector} field
 * in the test index. The framework only loads plugins; what k-NN sets up when a node creates its components is set up
 * here: its settings and cluster singletons (any index reads as a k-NN index) and its model index settings.
 */
public abstract class CoordinatorQueryTestCase<QB extends AbstractQueryBuilder<QB>> extends AbstractQueryTestCase<QB> {

    /** The test index's {@code knn_vector} field: the dimension of the bundled English model, Lucene's HNSW. */
    static final String VECTOR_FIELD = "vec";

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(KNNPlugin.class, RankingTestPlugin.class, TestGeoShapeFieldMapperPlugin.class);
    }

    @Override
    protected Settings createTestIndexSettings() {
        return Settings.builder()
                .put(super.createTestIndexSettings())
                .put("index.knn", true)
                .build();
    }

    @Override
    protected void initializeAdditionalMappings(MapperService mapperService) throws IOException {
        // concatenated, not formatted: the tests run in random locales, whose digits need not be ASCII
        String mapping = "{\"properties\": {\"" + VECTOR_FIELD + "\": {\"type\": \"knn_vector\", \"dimension\": "
                + RankingTestPlugin.DIMENSION
                + ", \"method\": {\"name\": \"hnsw\", \"engine\": \"lucene\", \"space_type\": \"cosinesimil\"}}}}";
        mapperService.merge("_doc", new CompressedXContent(mapping), MapperService.MergeReason.MAPPING_UPDATE);
    }

    /** The parameters both queries share, each present or not at random: the model, and a filter. */
    protected static void appendModelAndFilter(StringBuilder json) {
        if (randomBoolean()) {
            json.append(", \"model\": \"").append(RankingTestPlugin.MODEL).append('"');
        }
        if (randomBoolean()) {
            json.append(", \"filter\": ").append(randomTermQuery(TEXT_FIELD_NAME));
        }
    }

    protected static String randomTermQuery(String field) {
        return "{\"term\": {\"" + field + "\": \"" + randomAlphaOfLength(5) + "\"}}";
    }

    /** Shards never see these builders: only the coordinating node's rewrite turns them into queries. */
    @Override
    public void testMustRewrite() throws IOException {
        QueryShardContext context = createShardContext();
        QB builder = createTestQueryBuilder();
        IllegalStateException e = expectThrows(IllegalStateException.class, () -> builder.toQuery(context));
        assertTrue(e.getMessage(), e.getMessage().contains("must be rewritten on the coordinating node first"));
    }

    /** The builder a JSON query parses to. */
    @SuppressWarnings("unchecked")
    protected QB parse(String json) {
        try {
            return (QB) parseQuery(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** k-NN's mapper and query read singletons its plugin initialises with the node. */
    @BeforeClass
    public static void initialiseKnn() {
        ClusterService clusterService = mock(ClusterService.class, RETURNS_DEEP_STUBS);
        Set<Setting<?>> nodeSettings = KNNSettings.state().getSettings().stream()
                .filter(Setting::hasNodeScope)
                .collect(Collectors.toSet());
        when(clusterService.getClusterSettings()).thenReturn(new ClusterSettings(Settings.EMPTY, nodeSettings));
        IndexMetadata index = IndexMetadata.builder("test")
                .settings(Settings.builder()
                        .put(IndexMetadata.SETTING_VERSION_CREATED, Version.CURRENT)
                        .put("index.knn", true))
                .numberOfShards(1)
                .numberOfReplicas(0)
                .build();
        when(clusterService.state().getMetadata().index(anyString())).thenReturn(index);
        when(clusterService.state().getNodes().getMinNodeVersion()).thenReturn(Version.CURRENT);
        KNNSettings.state().initialize(null, clusterService);
        KNNClusterUtil.instance().initialize(clusterService, null);
        ModelDao.OpenSearchKNNModelDao.initialize(null, clusterService, Settings.EMPTY);
    }
}
