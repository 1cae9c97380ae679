package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class ProfileWriteResponseTests extends AbstractSerializingTestCase<ProfileWriteResponse> {

    @Override
    protected Writeable.Reader<ProfileWriteResponse> instanceReader() {
        return ProfileWriteResponse::new;
    }

    @Override
    protected ProfileWriteResponse createTestInstance() {
        return randomBoolean()
                ? new ProfileWriteResponse(WireInstances.eventsResponse())
                : new ProfileWriteResponse(WireInstances.usersResponse());
    }

    @Override
    protected ProfileWriteResponse doParseInstance(XContentParser parser) throws IOException {
        return ProfileWriteResponse.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }

    @Override
    protected ProfileWriteResponse createXContextTestInstance(MediaType mediaType) {
        return randomBoolean()
                ? new ProfileWriteResponse(WireInstances.eventsResponse())
                : new ProfileWriteResponse(WireInstances.usersResponseAsShown());
    }

    /** A declared profile's view shows weights decayed to the moment it is rendered. */
    @Override
    protected boolean assertToXContentEquivalence() {
        return false;
    }
}
