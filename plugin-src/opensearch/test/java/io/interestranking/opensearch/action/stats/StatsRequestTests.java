package io.interestranking.opensearch.action.stats;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class StatsRequestTests extends AbstractWireSerializingTestCase<StatsRequest> {

    @Override
    protected Writeable.Reader<StatsRequest> instanceReader() {
        return StatsRequest::new;
    }

    @Override
    protected StatsRequest createTestInstance() {
        return new StatsRequest(randomArray(0, 3, String[]::new, () -> randomAlphaOfLength(6)));
    }

    @Override
    protected StatsRequest mutateInstance(StatsRequest instance) {
        return new StatsRequest(randomValueOtherThanMany(
                ids -> java.util.Arrays.equals(ids, instance.nodesIds()),
                () -> randomArray(0, 3, String[]::new, () -> randomAlphaOfLength(6))));
    }
}
