package io.interestranking.opensearch.common;

import io.interestranking.opensearch.profile.access.UsersRequest;
import java.io.IOException;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.core.tasks.TaskId;
import org.opensearch.test.OpenSearchTestCase;

public class WireFormatTests extends OpenSearchTestCase {

    public void testAMessageOfAnotherVersionIsRefusedByName() throws IOException {
        BytesStreamOutput out = new BytesStreamOutput();
        TaskId.EMPTY_TASK_ID.writeTo(out); // what every transport request starts with
        out.writeByte((byte) (WireFormat.VERSION + 1));
        IOException e = expectThrows(
                IOException.class, () -> new UsersRequest(out.bytes().streamInput()));
        assertTrue(
                e.getMessage(),
                e.getMessage().contains("[users request] arrived in wire format [3], this node reads [2]"));
        assertTrue(e.getMessage(), e.getMessage().contains("same version of the interest-ranking plugin"));
    }
}
