package io.interestranking.opensearch.events;

import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchException;

/** The snake_case error type OpenSearch prints for an exception (as in _bulk item errors). */
final class OpenSearchErrorType {

    private OpenSearchErrorType() {}

    static String of(Exception e) {
        Throwable cause = ExceptionsHelper.unwrapCause(e);
        return OpenSearchException.getExceptionName(cause);
    }
}
