package io.interestranking.opensearch.events;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class ShardVectorsRequestTests extends AbstractWireSerializingTestCase<ShardVectorsRequest> {

    @Override
    protected Writeable.Reader<ShardVectorsRequest> instanceReader() {
        return ShardVectorsRequest::new;
    }

    @Override
    protected ShardVectorsRequest createTestInstance() {
        return new ShardVectorsRequest(
                randomAlphaOfLength(5),
                randomIntBetween(0, 10),
                randomAlphaOfLength(4),
                randomList(1, 5, () -> randomAlphaOfLength(3)));
    }
}
