package io.interestranking.action.embed;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class EmbedResponseTests extends AbstractWireSerializingTestCase<EmbedResponse> {

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
}
