package io.interestranking.ranking;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensearch.Version;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.compress.CompressedXContent;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperService;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.knn.index.KNNSettings;
import org.opensearch.knn.index.util.KNNClusterUtil;
import org.opensearch.knn.indices.ModelDao;
import org.opensearch.test.OpenSearchTestCase;

/**
 * What k-NN's plugin sets up when a node creates its components, for the query test framework (which only loads
 * plugins): its settings and cluster singletons, reading any index's settings from a cluster state that knows the
 * test index as a k-NN index, and its model index settings.
 */
final class KnnTestSetup {

    /** The test index's {@code knn_vector} field: the dimension of the bundled English model, Lucene's HNSW. */
    static final String VECTOR_FIELD = "vec";

    private KnnTestSetup() {}

    static Settings indexSettings(Settings base) {
        return Settings.builder().put(base).put("index.knn", true).build();
    }

    static void mapVectorField(MapperService mapperService) throws IOException {
        // concatenated, not formatted: the tests run in random locales, whose digits need not be ASCII
        String mapping = "{\"properties\": {\"" + VECTOR_FIELD + "\": {\"type\": \"knn_vector\", \"dimension\": "
                + RankingTestPlugin.DIMENSION
                + ", \"method\": {\"name\": \"hnsw\", \"engine\": \"lucene\", \"space_type\": \"cosinesimil\"}}}}";
        mapperService.merge("_doc", new CompressedXContent(mapping), MapperService.MergeReason.MAPPING_UPDATE);
    }

    static String randomTermQuery(String field) {
        return "{\"term\": {\"" + field + "\": \"" + OpenSearchTestCase.randomAlphaOfLength(5) + "\"}}";
    }

    /** Shards never see these builders: only the coordinating node's rewrite turns them into queries. */
    static void assertMustRewrite(QueryShardContext context, QueryBuilder builder) {
        IllegalStateException e =
                OpenSearchTestCase.expectThrows(IllegalStateException.class, () -> builder.toQuery(context));
        OpenSearchTestCase.assertTrue(
                e.getMessage(), e.getMessage().contains("must be rewritten on the coordinating node first"));
    }

    static void initialise() {
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
