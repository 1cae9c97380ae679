package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class ProfileWriteResponseTests extends AbstractWireSerializingTestCase<ProfileWriteResponse> {

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
}
