package io.interestranking.opensearch.action.models;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

/** The request has no fields, but its version byte travels and is checked like every message's. */
public class ModelsRequestTests extends AbstractWireSerializingTestCase<ModelsRequest> {

    @Override
    protected Writeable.Reader<ModelsRequest> instanceReader() {
        return ModelsRequest::new;
    }

    @Override
    protected ModelsRequest createTestInstance() {
        return new ModelsRequest();
    }
}
