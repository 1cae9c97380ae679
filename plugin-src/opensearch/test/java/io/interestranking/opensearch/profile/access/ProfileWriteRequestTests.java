package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class ProfileWriteRequestTests extends AbstractSerializingTestCase<ProfileWriteRequest> {

    @Override
    protected Writeable.Reader<ProfileWriteRequest> instanceReader() {
        return ProfileWriteRequest::new;
    }

    @Override
    protected ProfileWriteRequest createTestInstance() {
        return randomBoolean()
                ? ProfileWriteRequest.events(WireInstances.eventsRequest().events())
                : ProfileWriteRequest.declare(WireInstances.usersRequest());
    }

    @Override
    protected ProfileWriteRequest doParseInstance(XContentParser parser) throws IOException {
        return ProfileWriteRequest.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
