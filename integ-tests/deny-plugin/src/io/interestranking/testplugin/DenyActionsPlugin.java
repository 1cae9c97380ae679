package io.interestranking.testplugin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.opensearch.OpenSearchSecurityException;
import org.opensearch.action.support.ActionFilter;
import org.opensearch.action.support.ActionFilterChain;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestHeaderDefinition;
import org.opensearch.script.ScriptService;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * Stands in for the security plugin in integration tests: an {@link ActionFilter} (the mechanism the security
 * plugin authorizes transport actions with) refuses, with 403, every action named in the request header
 * {@value #HEADER} (comma-separated). The header travels with the caller's thread context, to other nodes too;
 * a stashed (system) context drops it, as the security plugin lets the system through.
 */
public class DenyActionsPlugin extends Plugin implements ActionPlugin {

    public static final String HEADER = "X-Test-Deny-Actions";

    private volatile ThreadContext threadContext;

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
        threadContext = threadPool.getThreadContext();
        return List.of();
    }

    @Override
    public Collection<RestHeaderDefinition> getRestHeaders() {
        return List.of(new RestHeaderDefinition(HEADER, false));
    }

    @Override
    public List<ActionFilter> getActionFilters() {
        return List.of(new ActionFilter() {
            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }

            @Override
            public <Request extends org.opensearch.action.ActionRequest, Response extends ActionResponse> void apply(
                    Task task,
                    String action,
                    Request request,
                    ActionListener<Response> listener,
                    ActionFilterChain<Request, Response> chain) {
                String denied = threadContext == null ? null : threadContext.getHeader(HEADER);
                if (denied != null && Set.of(denied.split(",")).contains(action)) {
                    listener.onFailure(new OpenSearchSecurityException(
                            "no permissions for [" + action + "]", RestStatus.FORBIDDEN));
                    return;
                }
                chain.proceed(task, action, request, listener);
            }
        });
    }
}
