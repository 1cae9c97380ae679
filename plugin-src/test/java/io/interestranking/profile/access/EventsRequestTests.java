package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class EventsRequestTests extends AbstractWireSerializingTestCase<EventsRequest> {

    @Override
    protected Writeable.Reader<EventsRequest> instanceReader() {
        return EventsRequest::new;
    }

    @Override
    protected EventsRequest createTestInstance() {
        return WireInstances.eventsRequest();
    }
}
