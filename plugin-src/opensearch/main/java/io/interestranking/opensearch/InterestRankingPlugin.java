package io.interestranking.opensearch;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelRegistry;
import io.interestranking.core.embedding.NativeRuntime;
import io.interestranking.core.stats.InterestStats;
import io.interestranking.opensearch.action.embed.EmbedAction;
import io.interestranking.opensearch.action.embed.RestEmbedAction;
import io.interestranking.opensearch.action.embed.TransportEmbedAction;
import io.interestranking.opensearch.action.events.RestEventsAction;
import io.interestranking.opensearch.action.models.ModelsAction;
import io.interestranking.opensearch.action.models.RestModelsAction;
import io.interestranking.opensearch.action.models.TransportModelsAction;
import io.interestranking.opensearch.action.profile.TransportProfileDeleteAction;
import io.interestranking.opensearch.action.profile.TransportProfileReadAction;
import io.interestranking.opensearch.action.profile.TransportProfileWriteAction;
import io.interestranking.opensearch.action.stats.RestStatsAction;
import io.interestranking.opensearch.action.stats.StatsAction;
import io.interestranking.opensearch.action.stats.TransportStatsAction;
import io.interestranking.opensearch.action.users.RestUsersAction;
import io.interestranking.opensearch.events.EventsService;
import io.interestranking.opensearch.events.ShardVectorsAction;
import io.interestranking.opensearch.events.TransportShardVectorsAction;
import io.interestranking.opensearch.ingest.InterestEmbeddingProcessor;
import io.interestranking.opensearch.ingest.InterestEmbeddingProcessorFactory;
import io.interestranking.opensearch.profile.ProfileStore;
import io.interestranking.opensearch.profile.ProfileSweeper;
import io.interestranking.opensearch.profile.access.ProfileDeleteAction;
import io.interestranking.opensearch.profile.access.ProfileReadAction;
import io.interestranking.opensearch.profile.access.ProfileWriteAction;
import io.interestranking.opensearch.ranking.ExplainCache;
import io.interestranking.opensearch.ranking.InterestKnnQueryBuilder;
import io.interestranking.opensearch.ranking.InterestRescorerBuilder;
import io.interestranking.opensearch.ranking.QueryEmbeddingCache;
import io.interestranking.opensearch.ranking.RankingContext;
import io.interestranking.opensearch.ranking.TextKnnQueryBuilder;
import io.interestranking.opensearch.settings.InterestConfig;
import io.interestranking.opensearch.settings.InterestSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.util.SetOnce;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.indices.SystemIndexDescriptor;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.plugins.SystemIndexPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.secure_sm.AccessController;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/** Registers every part of the plugin; the parts themselves are built once, in {@link #createComponents}. */
public class InterestRankingPlugin extends Plugin
        implements ActionPlugin, IngestPlugin, SearchPlugin, SystemIndexPlugin {

    public static final String PLUGIN_FOLDER = "interest-ranking";

    /** The settings as they are now: from the node's settings here, kept current from {@link #createComponents} on. */
    private final InterestConfig config;

    private final SetOnce<EmbeddingService> embeddings = new SetOnce<>();
    private final SetOnce<ProfileSweeper> sweeper = new SetOnce<>();
    private final SetOnce<ExplainCache> explainCache = new SetOnce<>();
    private final SetOnce<QueryEmbeddingCache> queryCache = new SetOnce<>();
    private final SetOnce<ClusterService> clusterService = new SetOnce<>();
    private final SetOnce<IndexNameExpressionResolver> indexResolver = new SetOnce<>();
    /** Queries are registered before the components exist: they reach them through these suppliers. */
    private final RankingContext ranking;

    public InterestRankingPlugin(Settings settings) {
        this.config = new InterestConfig(settings);
        this.ranking = RankingContext.of(
                embeddings::get, queryCache::get, config, explainCache::get, clusterService::get, indexResolver::get);
    }

    @Override
    public List<Setting<?>> getSettings() {
        return InterestSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        return List.of(InterestSettings.inferenceExecutor(settings), InterestSettings.profileExecutor(settings));
    }

    @Override
    public Collection<Object> createComponents(
            Client client,
            ClusterService clusterService,
            ThreadPool threadPool,
            ResourceWatcherService resourceWatcherService,
            ScriptService scriptService,
            NamedXContentRegistry xContentRegistry,
            Environment environment,
            NodeEnvironment nodeEnvironment,
            NamedWriteableRegistry namedWriteableRegistry,
            IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<RepositoriesService> repositoriesServiceSupplier) {
        config.listen(clusterService.getClusterSettings());
        this.clusterService.set(clusterService);
        this.indexResolver.set(indexNameExpressionResolver);
        List<Path> modelRoots = new ArrayList<>();
        modelRoots.add(environment.pluginsDir().resolve(PLUGIN_FOLDER).resolve("models"));
        modelRoots.add(environment.configDir().resolve(PLUGIN_FOLDER).resolve("models"));
        ModelRegistry registry = new ModelRegistry(modelRoots);
        InterestStats stats = new InterestStats();
        NativeRuntime runtime = new NativeRuntime(
                environment.tmpDir().resolve(PLUGIN_FOLDER), config.intraOpThreads(), config.loneIntraOpThreads());
        EmbeddingService service = new EmbeddingService(
                registry,
                runtime,
                threadPool.executor(InterestSettings.INFERENCE_THREAD_POOL),
                config::maxBatchTokens,
                stats,
                // privileged: the OpenSearch frames on an inference thread's stack may not read /proc themselves
                () -> AccessController.doPrivileged(EmbeddingService::readResidentBytes));
        ProfileStore store = new ProfileStore(
                client,
                clusterService,
                threadPool,
                stats,
                config::updateRetries,
                config.current(InterestSettings.PROFILE_CACHE_SIZE),
                config::profileIndexShards,
                threadPool.executor(InterestSettings.PROFILE_THREAD_POOL),
                threadPool.info(InterestSettings.PROFILE_THREAD_POOL).getMax());
        config.onChange(InterestSettings.PROFILE_CACHE_SIZE, store::resizeCache);
        ProfileSweeper sweeper = new ProfileSweeper(client, clusterService, threadPool, stats, config::inactiveTtl);
        sweeper.schedule(config.current(InterestSettings.PROFILE_SWEEP_INTERVAL));
        config.onChange(InterestSettings.PROFILE_SWEEP_INTERVAL, sweeper::schedule);
        this.sweeper.set(sweeper);
        EventsService events = new EventsService(client, clusterService, service, store, stats, config);
        this.embeddings.set(service);
        QueryEmbeddingCache queryCache =
                new QueryEmbeddingCache(config.current(InterestSettings.QUERY_CACHE_SIZE), model -> {
                    try {
                        return service.spec(model).dimension();
                    } catch (IllegalArgumentException unknown) {
                        return 0;
                    }
                });
        config.onChange(InterestSettings.QUERY_CACHE_SIZE, queryCache::resize);
        this.queryCache.set(queryCache);
        ExplainCache explainCache = new ExplainCache(config.current(InterestSettings.EXPLAIN_CACHE_SIZE));
        config.onChange(InterestSettings.EXPLAIN_CACHE_SIZE, explainCache::resize);
        this.explainCache.set(explainCache);
        return List.of(config, service, stats, store, events);
    }

    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        return Map.of(
                InterestEmbeddingProcessor.TYPE,
                new InterestEmbeddingProcessorFactory(embeddings::get, config::defaultModel));
    }

    @Override
    public List<ActionHandler<? extends org.opensearch.action.ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(
                new ActionHandler<>(EmbedAction.INSTANCE, TransportEmbedAction.class),
                new ActionHandler<>(ProfileReadAction.INSTANCE, TransportProfileReadAction.class),
                new ActionHandler<>(ProfileWriteAction.INSTANCE, TransportProfileWriteAction.class),
                new ActionHandler<>(ProfileDeleteAction.INSTANCE, TransportProfileDeleteAction.class),
                new ActionHandler<>(StatsAction.INSTANCE, TransportStatsAction.class),
                new ActionHandler<>(ModelsAction.INSTANCE, TransportModelsAction.class),
                new ActionHandler<>(ShardVectorsAction.INSTANCE, TransportShardVectorsAction.class));
    }

    @Override
    public List<RestHandler> getRestHandlers(
            Settings settings,
            RestController restController,
            ClusterSettings clusterSettings,
            IndexScopedSettings indexScopedSettings,
            SettingsFilter settingsFilter,
            IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<DiscoveryNodes> nodesInCluster) {
        return List.of(
                new RestEmbedAction(),
                new RestEventsAction(config),
                new RestUsersAction(),
                new RestStatsAction(),
                new RestModelsAction());
    }

    @Override
    public List<QuerySpec<?>> getQueries() {
        return queries(ranking);
    }

    /** The two queries, reading the node through {@code ranking} (a test hands in its own). */
    public static List<QuerySpec<?>> queries(RankingContext ranking) {
        return List.of(
                new QuerySpec<>(
                        TextKnnQueryBuilder.NAME,
                        in -> new TextKnnQueryBuilder(in, ranking),
                        parser -> TextKnnQueryBuilder.fromXContent(parser, ranking)),
                new QuerySpec<>(
                        InterestKnnQueryBuilder.NAME,
                        in -> new InterestKnnQueryBuilder(in, ranking),
                        parser -> InterestKnnQueryBuilder.fromXContent(parser, ranking)));
    }

    @Override
    public List<RescorerSpec<?>> getRescorers() {
        return List.of(new RescorerSpec<>(
                InterestRescorerBuilder.NAME,
                in -> new InterestRescorerBuilder(in, ranking),
                parser -> InterestRescorerBuilder.fromXContent(parser, ranking)));
    }

    @Override
    public Collection<SystemIndexDescriptor> getSystemIndexDescriptors(Settings settings) {
        // with the wildcard, an index the operator grew by split (docs/operating.md) is a system index too
        return List.of(new SystemIndexDescriptor(
                ProfileStore.INDEX + "*", "user interest profiles of the interest-ranking plugin"));
    }

    @Override
    public void close() throws IOException {
        if (sweeper.get() != null) {
            sweeper.get().close();
        }
        EmbeddingService service = embeddings.get();
        if (service != null) {
            service.close();
        }
    }
}
