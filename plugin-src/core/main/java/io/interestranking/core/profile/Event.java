package io.interestranking.core.profile;

/**
 * A resolved event, ready for the model: its item is a unit vector.
 *
 * @param itemKey  what the evidence lists for it ("index/id", or null for inline vectors and text)
 * @param eventId  null when the client gave none (then it is never deduplicated)
 * @param weight   the client's multiplier (default 1)
 * @param value    the rating value (rating events only)
 */
public record Event(
        EventType type, long timestamp, float[] vector, String itemKey, String eventId, double weight, Double value) {}
