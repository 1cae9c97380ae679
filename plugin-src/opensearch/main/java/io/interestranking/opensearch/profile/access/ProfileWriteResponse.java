package io.interestranking.opensearch.profile.access;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** The answer to a {@link ProfileWriteRequest}: the events' per-event results, or the declared profile. */
public final class ProfileWriteResponse extends ActionResponse implements StatusToXContentObject {

    private final EventsResponse events;
    private final UsersResponse declared;

    public ProfileWriteResponse(EventsResponse events) {
        this.events = events;
        this.declared = null;
    }

    public ProfileWriteResponse(UsersResponse declared) {
        this.events = null;
        this.declared = declared;
    }

    public ProfileWriteResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ProfileWriteAction.NAME);
        events = in.readOptionalWriteable(EventsResponse::new);
        declared = in.readOptionalWriteable(UsersResponse::new);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeOptionalWriteable(events);
        out.writeOptionalWriteable(declared);
    }

    @Override
    public RestStatus status() {
        return declared != null ? declared.status() : RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return declared != null ? declared.toXContent(builder, params) : events.toXContent(builder, params);
    }

    /** Events answer with {@code items}, a declaration with the profile (or its error). */
    public static ProfileWriteResponse fromXContent(XContentParser parser) throws IOException {
        Map<String, Object> m = parser.map();
        return m.containsKey("items")
                ? new ProfileWriteResponse(EventsResponse.fromMap(m))
                : new ProfileWriteResponse(UsersResponse.fromMap(m));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfileWriteResponse o
                && Objects.equals(events, o.events)
                && Objects.equals(declared, o.declared);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, declared);
    }
}
