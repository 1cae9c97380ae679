package io.interestranking.ranking;

import io.interestranking.embedding.TextKind;

import org.apache.lucene.search.Query;
import org.apache.lucene.util.SetOnce;
import org.opensearch.core.ParseField;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code text_knn}: embeds {@code query_text} once per search, on the coordinating node during query rewrite
 * (async, on the inference pool, through an LRU cache), then becomes a k-NN query with that vector.
 */
public final class TextKnnQueryBuilder extends AbstractQueryBuilder<TextKnnQueryBuilder> {

    public static final String NAME = "text_knn";
    public static final int DEFAULT_K = 10;
    public static final int MAX_TEXT = 10_000;

    private static final ObjectParser<TextKnnQueryBuilder, RankingContext> PARSER = new ObjectParser<>(NAME);
    static {
        PARSER.declareString((b, v) -> b.field = v, new ParseField("field"));
        PARSER.declareString((b, v) -> b.queryText = v, new ParseField("query_text"));
        PARSER.declareInt((b, v) -> b.k = v, new ParseField("k"));
        PARSER.declareString((b, v) -> b.model = v, new ParseField("model"));
        PARSER.declareObject((b, v) -> b.filter = v, (p, c) -> parseInnerQueryBuilder(p), new ParseField("filter"));
        declareStandardFields(PARSER);
    }

    private String field;
    private String queryText;
    private int k = DEFAULT_K;
    private String model;
    private QueryBuilder filter;
    private final RankingContext context;
    private final Supplier<float[]> vector;

    private TextKnnQueryBuilder(RankingContext context, Supplier<float[]> vector) {
        this.context = context;
        this.vector = vector;
    }

    public TextKnnQueryBuilder(RankingContext context, String field, String queryText, int k, String model, QueryBuilder filter) {
        this(context, null);
        this.field = field;
        this.queryText = queryText;
        this.k = k;
        this.model = model;
        this.filter = filter;
        validate();
    }

    public TextKnnQueryBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in);
        this.context = context;
        this.vector = null;
        field = in.readString();
        queryText = in.readString();
        k = in.readVInt();
        model = in.readOptionalString();
        filter = in.readOptionalNamedWriteable(QueryBuilder.class);
    }

    public static TextKnnQueryBuilder fromXContent(XContentParser parser, RankingContext context) throws IOException {
        TextKnnQueryBuilder b = new TextKnnQueryBuilder(context, null);
        PARSER.parse(parser, b, context);
        b.validate();
        return b;
    }

    private void validate() {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires [field]");
        }
        if (queryText == null || queryText.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires a non-empty [query_text]");
        }
        if (queryText.length() > MAX_TEXT) {
            throw new IllegalArgumentException("[" + NAME + "] [query_text] is longer than " + MAX_TEXT + " characters");
        }
        if (k < 1 || k > 10_000) {
            throw new IllegalArgumentException("[" + NAME + "] [k] must be between 1 and 10000, got " + k);
        }
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        out.writeString(field);
        out.writeString(queryText);
        out.writeVInt(k);
        out.writeOptionalString(model);
        out.writeOptionalNamedWriteable(filter);
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME);
        builder.field("field", field);
        builder.field("query_text", queryText);
        builder.field("k", k);
        if (model != null) {
            builder.field("model", model);
        }
        if (filter != null) {
            builder.field("filter", filter);
        }
        printBoostAndQueryName(builder);
        builder.endObject();
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext ctx) {
        if (vector != null) {
            float[] v = vector.get();
            return v == null ? this : KnnAdapter.knn(field, v, k, filter, boost, queryName);
        }
        String modelName = model != null ? model : context.defaultModel().get();
        QueryEmbeddingCache cache = context.cache().get();
        float[] cached = cache.get(modelName, queryText);
        if (cached != null) {
            return KnnAdapter.knn(field, cached, k, filter, boost, queryName);
        }
        SetOnce<float[]> holder = new SetOnce<>();
        ctx.registerAsyncAction((client, listener) -> context.embeddings().get().embed(
            modelName, List.of(queryText), TextKind.QUERY, 1,
            ActionListener.wrap(vectors -> {
                cache.put(modelName, queryText, vectors[0]);
                holder.set(vectors[0]);
                listener.onResponse(null);
            }, listener::onFailure)
        ));
        TextKnnQueryBuilder pending = new TextKnnQueryBuilder(context, holder::get);
        pending.field = field;
        pending.queryText = queryText;
        pending.k = k;
        pending.model = model;
        pending.filter = filter;
        pending.boost(boost).queryName(queryName);
        return pending;
    }

    @Override
    protected Query doToQuery(QueryShardContext context) {
        throw new IllegalStateException("[" + NAME + "] must be rewritten into a knn query on the coordinating node first");
    }

    @Override
    protected boolean doEquals(TextKnnQueryBuilder other) {
        return Objects.equals(field, other.field) && Objects.equals(queryText, other.queryText) && k == other.k
            && Objects.equals(model, other.model) && Objects.equals(filter, other.filter) && Objects.equals(vector, other.vector);
    }

    @Override
    protected int doHashCode() {
        return Objects.hash(field, queryText, k, model, filter);
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }
}
