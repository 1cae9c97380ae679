package io.interestranking.opensearch.action.embed;

import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class EmbedResponseTests extends AbstractSerializingTestCase<EmbedResponse> {

    @Override
    protected Writeable.Reader<EmbedResponse> instanceReader() {
        return EmbedResponse::new;
    }

    @Override
    protected EmbedResponse createTestInstance() {
        int dimension = randomIntBetween(1, 32);
        float[][] vectors = new float[randomIntBetween(0, 4)][dimension];
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                v[i] = randomFloat();
            }
        }
        return new EmbedResponse(randomAlphaOfLength(6), vectors);
    }

    @Override
    protected EmbedResponse doParseInstance(XContentParser parser) throws IOException {
        return EmbedResponse.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
