package io.interestranking.opensearch.profile.access;

import io.interestranking.core.profile.ParsedValues;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** Like a {@code _bulk} response: {@code took}, {@code errors}, and one item per event, in order. */
public final class EventsResponse extends ActionResponse implements ToXContentObject {

    private final long tookMillis;
    private final List<EventResult> items;

    public EventsResponse(long tookMillis, List<EventResult> items) {
        this.tookMillis = tookMillis;
        this.items = items;
    }

    public EventsResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, "events response");
        tookMillis = in.readVLong();
        int n = in.readVInt();
        items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new EventResult(
                    in.readVInt(),
                    in.readOptionalString(),
                    in.readOptionalString(),
                    in.readOptionalString(),
                    in.readOptionalString(),
                    in.readOptionalString()));
        }
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeVLong(tookMillis);
        out.writeVInt(items.size());
        for (EventResult r : items) {
            out.writeVInt(r.status());
            out.writeOptionalString(r.result());
            out.writeOptionalString(r.userId());
            out.writeOptionalString(r.eventId());
            out.writeOptionalString(r.errorType());
            out.writeOptionalString(r.errorReason());
        }
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("took", tookMillis);
        builder.field("errors", items.stream().anyMatch(r -> r.errorType() != null));
        builder.startArray("items");
        for (EventResult r : items) {
            builder.startObject();
            builder.field("status", r.status());
            if (r.result() != null) {
                builder.field("result", r.result());
            }
            if (r.userId() != null) {
                builder.field("user_id", r.userId());
            }
            if (r.eventId() != null) {
                builder.field("event_id", r.eventId());
            }
            if (r.errorType() != null) {
                builder.startObject("error")
                        .field("type", r.errorType())
                        .field("reason", r.errorReason())
                        .endObject();
            }
            builder.endObject();
        }
        builder.endArray();
        return builder.endObject();
    }

    /** Reads what {@link #toXContent} writes ({@code errors} follows from the items). */
    public static EventsResponse fromXContent(XContentParser parser) throws IOException {
        return fromMap(parser.map());
    }

    @SuppressWarnings("unchecked")
    static EventsResponse fromMap(Map<String, Object> m) {
        List<EventResult> items = new ArrayList<>();
        for (Object o : (List<Object>) m.get("items")) {
            Map<String, Object> item = (Map<String, Object>) o;
            Map<String, Object> error = ParsedValues.map(item, "error");
            items.add(new EventResult(
                    ParsedValues.intValue(item, "status"),
                    (String) item.get("result"),
                    (String) item.get("user_id"),
                    (String) item.get("event_id"),
                    error == null ? null : (String) error.get("type"),
                    error == null ? null : (String) error.get("reason")));
        }
        return new EventsResponse(ParsedValues.longValue(m, "took"), items);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventsResponse o
                && Objects.equals(tookMillis, o.tookMillis)
                && Objects.equals(items, o.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tookMillis, items);
    }
}
