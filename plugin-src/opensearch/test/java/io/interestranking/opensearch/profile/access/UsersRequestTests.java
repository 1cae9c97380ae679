package io.interestranking.opensearch.profile.access;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class UsersRequestTests extends AbstractSerializingTestCase<UsersRequest> {

    @Override
    protected Writeable.Reader<UsersRequest> instanceReader() {
        return UsersRequest::new;
    }

    @Override
    protected UsersRequest createTestInstance() {
        return WireInstances.usersRequest();
    }

    @Override
    protected UsersRequest doParseInstance(XContentParser parser) throws IOException {
        return UsersRequest.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
