package io.interestranking.opensearch.events;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

/** A missing item (no vector) travels as a null, in its place. */
public class ShardVectorsResponseTests extends AbstractWireSerializingTestCase<ShardVectorsResponse> {

    @Override
    protected Writeable.Reader<ShardVectorsResponse> instanceReader() {
        return ShardVectorsResponse::new;
    }

    @Override
    protected ShardVectorsResponse createTestInstance() {
        float[][] vectors = new float[randomIntBetween(0, 5)][];
        for (int i = 0; i < vectors.length; i++) {
            if (randomBoolean()) {
                vectors[i] = new float[] {randomFloat(), randomFloat(), randomFloat()};
            }
        }
        return new ShardVectorsResponse(vectors);
    }
}
