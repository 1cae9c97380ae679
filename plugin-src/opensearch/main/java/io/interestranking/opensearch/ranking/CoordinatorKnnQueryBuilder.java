package io.interestranking.opensearch.ranking;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * Shared by {@code text_knn} and {@code interest_knn}: a {@code knn_vector} field, {@code k} and a {@code filter},
 * and a query that exists only after the coordinating node's rewrite has fetched what it needs (the query
 * embedding, the profile). A rewrite first returns a pending copy ({@link #pendingCopy}) that holds the
 * asynchronous result; the next rewrite turns it into k-NN queries. Shards never see these builders.
 */
abstract class CoordinatorKnnQueryBuilder<QB extends CoordinatorKnnQueryBuilder<QB>> extends AbstractQueryBuilder<QB> {

    public static final int DEFAULT_K = 10;
    public static final int MAX_K = 10_000;

    protected final RankingContext context;
    protected String field;
    protected int k = DEFAULT_K;
    protected QueryBuilder filter;

    protected CoordinatorKnnQueryBuilder(RankingContext context) {
        this.context = context;
    }

    protected CoordinatorKnnQueryBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in);
        this.context = context;
        WireFormat.check(in, getWriteableName());
        field = in.readString();
        k = in.readVInt();
        filter = in.readOptionalNamedWriteable(QueryBuilder.class);
    }

    /** Declares {@code field}, {@code k}, {@code filter}, {@code boost} and {@code _name}. */
    protected static <QB extends CoordinatorKnnQueryBuilder<QB>> void declareCommonFields(
            ObjectParser<QB, RankingContext> parser) {
        parser.declareString((b, v) -> b.field = v, new ParseField("field"));
        parser.declareInt((b, v) -> b.k = v, new ParseField("k"));
        parser.declareObject((b, v) -> b.filter = v, (p, c) -> parseInnerQueryBuilder(p), new ParseField("filter"));
        declareStandardFields(parser);
    }

    public String field() {
        return field;
    }

    public int k() {
        return k;
    }

    public QueryBuilder filterQuery() {
        return filter;
    }

    protected void validateCommonFields() {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("[" + getWriteableName() + "] requires [field]");
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException(
                    "[" + getWriteableName() + "] [k] must be between 1 and " + MAX_K + ", got " + k);
        }
    }

    /** {@code pending} with this builder's parameters: what a rewrite returns while its asynchronous fetch runs. */
    protected QB pendingCopy(QB pending) {
        pending.field = field;
        pending.k = k;
        pending.filter = filter;
        copyOwnFields(pending);
        pending.boost(boost).queryName(queryName);
        return pending;
    }

    protected abstract void copyOwnFields(QB pending);

    protected abstract void writeOwnFields(StreamOutput out) throws IOException;

    protected abstract void ownXContent(XContentBuilder builder) throws IOException;

    protected abstract boolean ownEquals(QB other);

    protected abstract int ownHashCode();

    @Override
    protected final void doWriteTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeString(field);
        out.writeVInt(k);
        out.writeOptionalNamedWriteable(filter);
        writeOwnFields(out);
    }

    @Override
    protected final void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(getWriteableName());
        builder.field("field", field);
        builder.field("k", k);
        if (filter != null) {
            builder.field("filter", filter);
        }
        ownXContent(builder);
        printBoostAndQueryName(builder);
        builder.endObject();
    }

    @Override
    protected final Query doToQuery(QueryShardContext context) {
        throw new IllegalStateException(
                "[" + getWriteableName() + "] must be rewritten on the coordinating node first");
    }

    @Override
    protected final boolean doEquals(QB other) {
        return Objects.equals(field, other.field)
                && k == other.k
                && Objects.equals(filter, other.filter)
                && ownEquals(other);
    }

    @Override
    protected final int doHashCode() {
        return Objects.hash(field, k, filter, ownHashCode());
    }
}
