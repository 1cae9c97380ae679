package io.interestranking.action.embed;

import io.interestranking.embedding.TextKind;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class EmbedRequestTests extends AbstractWireSerializingTestCase<EmbedRequest> {

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
}
