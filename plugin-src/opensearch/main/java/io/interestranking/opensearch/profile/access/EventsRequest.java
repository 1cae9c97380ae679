package io.interestranking.opensearch.profile.access;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * {@code {"events": [...]}}. The events stay as parsed (JSON values; on the wire in OpenSearch's typed generic-value
 * form, after the version byte): each is validated where it is applied, so that a bad one fails alone with its own
 * message, like an item of {@code _bulk}, and the request renders back exactly as it came. It never leaves the node
 * that received the REST call (the action runs there); typed parsing happens before any profile is touched.
 */
public final class EventsRequest extends ActionRequest implements ToXContentObject {

    private final List<Object> events;

    public EventsRequest(List<Object> events) {
        this.events = events;
    }

    @SuppressWarnings("unchecked")
    public EventsRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, "events request");
        events = (List<Object>) in.readGenericValue();
    }

    /** The events body; a field other than {@code events}, or {@code events} not an array, is refused by name. */
    @SuppressWarnings("unchecked")
    public static EventsRequest parse(XContentParser parser) throws IOException {
        Map<String, Object> body = parser.map();
        for (String key : body.keySet()) {
            if ("events".equals(key) == false) {
                throw new IllegalArgumentException("unknown field [" + key + "], expected [events]");
            }
        }
        if (body.get("events") instanceof List<?> == false) {
            throw new IllegalArgumentException("[events] is required and must be an array");
        }
        return new EventsRequest((List<Object>) body.get("events"));
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject().field("events", events).endObject();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeGenericValue(events);
    }

    public List<Object> events() {
        return events;
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventsRequest o && Objects.equals(events, o.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events);
    }
}
