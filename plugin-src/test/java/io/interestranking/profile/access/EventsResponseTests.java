package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class EventsResponseTests extends AbstractWireSerializingTestCase<EventsResponse> {

    @Override
    protected Writeable.Reader<EventsResponse> instanceReader() {
        return EventsResponse::new;
    }

    @Override
    protected EventsResponse createTestInstance() {
        return WireInstances.eventsResponse();
    }
}
