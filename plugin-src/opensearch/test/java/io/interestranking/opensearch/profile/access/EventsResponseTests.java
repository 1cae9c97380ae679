package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class EventsResponseTests extends AbstractSerializingTestCase<EventsResponse> {

    @Override
    protected Writeable.Reader<EventsResponse> instanceReader() {
        return EventsResponse::new;
    }

    @Override
    protected EventsResponse createTestInstance() {
        return WireInstances.eventsResponse();
    }

    @Override
    protected EventsResponse doParseInstance(XContentParser parser) throws IOException {
        return EventsResponse.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
