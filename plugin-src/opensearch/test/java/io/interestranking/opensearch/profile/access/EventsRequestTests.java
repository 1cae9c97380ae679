package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class EventsRequestTests extends AbstractSerializingTestCase<EventsRequest> {

    @Override
    protected Writeable.Reader<EventsRequest> instanceReader() {
        return EventsRequest::new;
    }

    @Override
    protected EventsRequest createTestInstance() {
        return WireInstances.eventsRequest();
    }

    @Override
    protected EventsRequest doParseInstance(XContentParser parser) throws IOException {
        return EventsRequest.parse(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
