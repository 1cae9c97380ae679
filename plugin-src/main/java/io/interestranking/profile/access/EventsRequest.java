package io.interestranking.profile.access;

import io.interestranking.common.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** The raw events (parsed JSON objects): each is validated on its own so that a bad one fails alone. */
public final class EventsRequest extends ActionRequest {

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
