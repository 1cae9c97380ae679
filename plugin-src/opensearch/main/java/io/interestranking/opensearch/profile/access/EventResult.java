package io.interestranking.opensearch.profile.access;

/** One event's outcome in an events response, like a {@code _bulk} item: status, result or error. */
public record EventResult(
        int status, String result, String userId, String eventId, String errorType, String errorReason) {}
