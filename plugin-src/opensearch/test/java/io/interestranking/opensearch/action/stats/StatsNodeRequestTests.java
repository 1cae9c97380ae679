package io.interestranking.opensearch.action.stats;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

/** What each node is asked: no fields, but a checked version byte. */
public class StatsNodeRequestTests extends AbstractWireSerializingTestCase<StatsRequest.Node> {

    @Override
    protected Writeable.Reader<StatsRequest.Node> instanceReader() {
        return StatsRequest.Node::new;
    }

    @Override
    protected StatsRequest.Node createTestInstance() {
        return new StatsRequest.Node();
    }
}
