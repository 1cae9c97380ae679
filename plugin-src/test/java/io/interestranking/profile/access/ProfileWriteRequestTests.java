package io.interestranking.profile.access;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class ProfileWriteRequestTests extends AbstractWireSerializingTestCase<ProfileWriteRequest> {

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
}
