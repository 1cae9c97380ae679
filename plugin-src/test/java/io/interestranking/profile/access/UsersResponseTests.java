package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

/** The profile travels in its typed, versioned form (without the remembered event ids, which only the writer reads). */
public class UsersResponseTests extends AbstractWireSerializingTestCase<UsersResponse> {

    @Override
    protected Writeable.Reader<UsersResponse> instanceReader() {
        return UsersResponse::new;
    }

    @Override
    protected UsersResponse createTestInstance() {
        return WireInstances.usersResponse();
    }
}
