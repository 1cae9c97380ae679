package io.interestranking.action.models;

import java.util.Map;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class ModelsResponseTests extends AbstractWireSerializingTestCase<ModelsResponse> {

    @Override
    protected Writeable.Reader<ModelsResponse> instanceReader() {
        return ModelsResponse::new;
    }

    @Override
    protected ModelsResponse createTestInstance() {
        return new ModelsResponse(
                randomAlphaOfLength(6),
                randomList(
                        0,
                        3,
                        () -> new ModelsResponse.Model(
                                randomAlphaOfLength(8),
                                randomAlphaOfLength(20),
                                randomAlphaOfLength(8),
                                randomIntBetween(1, 1024),
                                randomFrom("mean", "cls"),
                                randomBoolean(),
                                randomIntBetween(8, 512),
                                randomAlphaOfLength(3),
                                "",
                                randomBoolean(),
                                randomLongBetween(-1, 1L << 30))),
                randomBoolean() ? Map.of() : Map.of(randomAlphaOfLength(5), randomAlphaOfLength(20)));
    }
}
