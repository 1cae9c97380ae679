package io.interestranking.opensearch.ranking;

import io.interestranking.core.embedding.TextKind;
import io.interestranking.opensearch.common.Embed;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.lucene.util.SetOnce;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.core.ParseField;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;

/**
 * {@code text_knn}: embeds {@code query_text} once per search, on the coordinating node during query rewrite
 * (async, on the inference pool, through an LRU cache), then becomes a k-NN query with that vector.
 */
public final class TextKnnQueryBuilder extends CoordinatorKnnQueryBuilder<TextKnnQueryBuilder> {

    public static final String NAME = "text_knn";
    public static final int MAX_TEXT = 10_000;

    private static final ObjectParser<TextKnnQueryBuilder, RankingContext> PARSER = new ObjectParser<>(NAME);

    static {
        PARSER.declareString((b, v) -> b.queryText = v, new ParseField("query_text"));
        PARSER.declareString((b, v) -> b.model = v, new ParseField("model"));
        declareCommonFields(PARSER);
    }

    private String queryText;
    private String model;
    /** Set on the pending copy: the embedding, null until the asynchronous call has answered. */
    private final Supplier<float[]> vector;

    private TextKnnQueryBuilder(RankingContext context, Supplier<float[]> vector) {
        super(context);
        this.vector = vector;
    }

    public TextKnnQueryBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in, context);
        this.vector = null;
        queryText = in.readString();
        model = in.readOptionalString();
    }

    public static TextKnnQueryBuilder fromXContent(XContentParser parser, RankingContext context) throws IOException {
        TextKnnQueryBuilder b = new TextKnnQueryBuilder(context, null);
        PARSER.parse(parser, b, context);
        b.validateCommonFields();
        if (b.queryText == null || b.queryText.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires a non-empty [query_text]");
        }
        if (b.queryText.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "[" + NAME + "] [query_text] is longer than " + MAX_TEXT + " characters");
        }
        return b;
    }

    public String queryText() {
        return queryText;
    }

    /** The model named in the query; null: the default model or the one of the field's dimension ({@link SearchSpace}). */
    public String model() {
        return model;
    }

    @Override
    protected void writeOwnFields(StreamOutput out) throws IOException {
        out.writeString(queryText);
        out.writeOptionalString(model);
    }

    @Override
    protected void ownXContent(XContentBuilder builder) throws IOException {
        builder.field("query_text", queryText);
        if (model != null) {
            builder.field("model", model);
        }
    }

    @Override
    protected void copyOwnFields(TextKnnQueryBuilder pending) {
        pending.queryText = queryText;
        pending.model = model;
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext ctx) {
        if (vector != null) {
            float[] v = vector.get();
            return v == null ? this : KnnAdapter.knn(field, v, k, filter, boost, queryName);
        }
        String modelName = SearchSpace.model(ctx, context, NAME, field, model);
        CompletableFuture<float[]> embedding = context.cache()
                .get()
                .vector(
                        modelName,
                        queryText,
                        l -> Embed.embed(
                                context.embeddings().get(),
                                modelName,
                                List.of(queryText),
                                TextKind.QUERY,
                                1,
                                ActionListener.map(l, v -> v[0])));
        float[] cached = embedding.isDone() && embedding.isCompletedExceptionally() == false ? embedding.join() : null;
        if (cached != null) {
            return KnnAdapter.knn(field, cached, k, filter, boost, queryName);
        }
        SetOnce<float[]> holder = new SetOnce<>();
        ctx.registerAsyncAction((client, listener) -> {
            // the embedding may be another search's: this search continues in its own context
            var own = ContextPreservingActionListener.wrapPreservingContext(
                    listener, client.threadPool().getThreadContext());
            embedding.whenComplete((vector, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    own.onFailure(cause instanceof Exception e ? e : new RuntimeException(cause));
                } else {
                    holder.set(vector);
                    own.onResponse(null);
                }
            });
        });
        return pendingCopy(new TextKnnQueryBuilder(context, holder::get));
    }

    @Override
    protected boolean ownEquals(TextKnnQueryBuilder other) {
        return Objects.equals(queryText, other.queryText)
                && Objects.equals(model, other.model)
                && Objects.equals(vector, other.vector);
    }

    @Override
    protected int ownHashCode() {
        return Objects.hash(queryText, model);
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }
}
