package io.interestranking.opensearch.events;

import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.single.shard.TransportSingleShardAction;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.routing.ShardsIterator;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.index.shard.ShardId;
import org.opensearch.index.engine.Engine;
import org.opensearch.index.mapper.IdFieldMapper;
import org.opensearch.index.mapper.Uid;
import org.opensearch.index.shard.IndexShard;
import org.opensearch.indices.IndicesService;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/**
 * Reads item vectors on the shard, in binary, from the field's Lucene vector values: no _source, no JSON.
 * Sees what the shard's searcher sees (refreshed documents); callers fall back to a realtime get for the rest.
 */
public final class TransportShardVectorsAction
        extends TransportSingleShardAction<ShardVectorsRequest, ShardVectorsResponse> {

    private final IndicesService indicesService;

    @Inject
    public TransportShardVectorsAction(
            ThreadPool threadPool,
            ClusterService clusterService,
            TransportService transportService,
            ActionFilters actionFilters,
            IndexNameExpressionResolver resolver,
            IndicesService indicesService) {
        super(
                ShardVectorsAction.NAME,
                threadPool,
                clusterService,
                transportService,
                actionFilters,
                resolver,
                ShardVectorsRequest::new,
                ThreadPool.Names.GET);
        this.indicesService = indicesService;
    }

    @Override
    protected ShardsIterator shards(ClusterState state, InternalRequest request) {
        return clusterService
                .operationRouting()
                .getShards(state, request.concreteIndex(), request.request().shard, null);
    }

    @Override
    protected ShardVectorsResponse shardOperation(ShardVectorsRequest request, ShardId shardId) throws IOException {
        IndexShard shard = indicesService.indexServiceSafe(shardId.getIndex()).getShard(shardId.id());
        float[][] out = new float[request.ids.size()][];
        try (Engine.Searcher searcher = shard.acquireSearcher("interest_vectors")) {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(IdFieldMapper.NAME);
                FloatVectorValues values = leaf.reader().getFloatVectorValues(request.field);
                if (terms == null || values == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                for (int i = 0; i < out.length; i++) {
                    if (out[i] != null || termsEnum.seekExact(Uid.encodeId(request.ids.get(i))) == false) {
                        continue;
                    }
                    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            KnnVectorValues.DocIndexIterator it = values.iterator();
                            if (it.advance(doc) == doc) {
                                out[i] = values.vectorValue(it.index()).clone();
                            }
                            break;
                        }
                    }
                }
            }
        }
        return new ShardVectorsResponse(out);
    }

    @Override
    protected Writeable.Reader<ShardVectorsResponse> getResponseReader() {
        return ShardVectorsResponse::new;
    }

    @Override
    protected boolean resolveIndex(ShardVectorsRequest request) {
        return true;
    }
}
