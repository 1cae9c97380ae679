package io.interestranking.opensearch.action.models;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** No parameters: every model of the node that receives it. Equal to any other, but versioned like every message. */
public final class ModelsRequest extends ActionRequest {

    public ModelsRequest() {}

    public ModelsRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ModelsAction.NAME);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelsRequest;
    }

    @Override
    public int hashCode() {
        return ModelsRequest.class.hashCode();
    }
}
