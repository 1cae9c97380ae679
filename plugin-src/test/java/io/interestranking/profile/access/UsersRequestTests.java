package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class UsersRequestTests extends AbstractWireSerializingTestCase<UsersRequest> {

    @Override
    protected Writeable.Reader<UsersRequest> instanceReader() {
        return UsersRequest::new;
    }

    @Override
    protected UsersRequest createTestInstance() {
        return WireInstances.usersRequest();
    }
}
