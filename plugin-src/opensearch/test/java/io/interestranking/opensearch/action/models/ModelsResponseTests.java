package io.interestranking.opensearch.action.models;

import java.io.IOException;
import java.util.Map;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class ModelsResponseTests extends AbstractSerializingTestCase<ModelsResponse> {

    @Override
    protected Writeable.Reader<ModelsResponse> instanceReader() {
        return ModelsResponse::new;
    }

    @Override
    protected ModelsResponse createTestInstance() {
        return randomResponse(false);
    }

    /** The view shows native memory only for a loaded model that measured it. */
    @Override
    protected ModelsResponse createXContextTestInstance(MediaType mediaType) {
        return randomResponse(true);
    }

    private static ModelsResponse randomResponse(boolean asShown) {
        return new ModelsResponse(
                randomAlphaOfLength(6),
                randomList(0, 3, () -> {
                    boolean loaded = randomBoolean();
                    return new ModelsResponse.Model(
                            randomAlphaOfLength(8),
                            randomAlphaOfLength(20),
                            randomAlphaOfLength(8),
                            randomIntBetween(1, 1024),
                            randomFrom("mean", "cls"),
                            randomBoolean(),
                            randomIntBetween(8, 512),
                            randomAlphaOfLength(3),
                            "",
                            loaded,
                            asShown && loaded == false ? -1 : randomLongBetween(-1, 1L << 30));
                }),
                randomBoolean() ? Map.of() : Map.of(randomAlphaOfLength(5), randomAlphaOfLength(20)));
    }

    @Override
    protected ModelsResponse doParseInstance(XContentParser parser) throws IOException {
        return ModelsResponse.fromXContent(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
