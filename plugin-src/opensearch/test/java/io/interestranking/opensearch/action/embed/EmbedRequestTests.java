package io.interestranking.opensearch.action.embed;

import io.interestranking.core.embedding.TextKind;
import java.io.IOException;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

public class EmbedRequestTests extends AbstractSerializingTestCase<EmbedRequest> {

    @Override
    protected Writeable.Reader<EmbedRequest> instanceReader() {
        return EmbedRequest::new;
    }

    @Override
    protected EmbedRequest createTestInstance() {
        return new EmbedRequest(
                randomList(1, 5, () -> randomRealisticUnicodeOfLengthBetween(1, 40)),
                randomBoolean() ? null : randomAlphaOfLength(5),
                randomFrom(TextKind.values()));
    }

    @Override
    protected EmbedRequest doParseInstance(XContentParser parser) throws IOException {
        return EmbedRequest.parse(parser);
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }
}
