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
 * One write action for both ways of changing profiles (events, declared interests), so one grant covers both. As
 * XContent: the events body {@code {"events": [...]}}, or {@code {"declare": <users request>}}.
 */
public final class ProfileWriteRequest extends ActionRequest implements ToXContentObject {

    private final EventsRequest events;
    private final UsersRequest declare;

    private ProfileWriteRequest(EventsRequest events, UsersRequest declare) {
        this.events = events;
        this.declare = declare;
    }

    public static ProfileWriteRequest events(List<Object> events) {
        return new ProfileWriteRequest(new EventsRequest(events), null);
    }

    public static ProfileWriteRequest declare(UsersRequest put) {
        return new ProfileWriteRequest(null, put);
    }

    public ProfileWriteRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ProfileWriteAction.NAME);
        events = in.readOptionalWriteable(EventsRequest::new);
        declare = in.readOptionalWriteable(UsersRequest::new);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeOptionalWriteable(events);
        out.writeOptionalWriteable(declare);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        if (events != null) {
            return events.toXContent(builder, params);
        }
        return builder.startObject().field("declare", declare).endObject();
    }

    @SuppressWarnings("unchecked")
    public static ProfileWriteRequest fromXContent(XContentParser parser) throws IOException {
        Map<String, Object> m = parser.map();
        return m.containsKey("declare")
                ? declare(UsersRequest.fromMap((Map<String, Object>) m.get("declare")))
                : events((List<Object>) m.get("events"));
    }

    /** The events, or null for a declaration. */
    public EventsRequest events() {
        return events;
    }

    /** The declaration ({@code PUT users/{id}}), or null for events. */
    public UsersRequest declare() {
        return declare;
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfileWriteRequest o
                && Objects.equals(events, o.events)
                && Objects.equals(declare, o.declare);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, declare);
    }
}
