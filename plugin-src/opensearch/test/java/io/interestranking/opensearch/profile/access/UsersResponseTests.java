package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

/** The profile travels in its typed, versioned form (without the remembered event ids, which only the writer reads). */
public class UsersResponseTests extends AbstractSerializingTestCase<UsersResponse> {

    @Override
    protected Writeable.Reader<UsersResponse> instanceReader() {
        return UsersResponse::new;
    }

    @Override
    protected UsersResponse createTestInstance() {
        return WireInstances.usersResponse();
    }

    @Override
    protected UsersResponse doParseInstance(XContentParser parser) throws IOException {
        return UsersResponse.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }

    @Override
    protected UsersResponse createXContextTestInstance(MediaType mediaType) {
        return WireInstances.usersResponseAsShown();
    }

    /** A profile view shows weights decayed to the moment it is rendered: two renderings differ in those. */
    @Override
    protected boolean assertToXContentEquivalence() {
        return false;
    }
}
