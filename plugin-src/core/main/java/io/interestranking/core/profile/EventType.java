package io.interestranking.core.profile;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of feedback a user gives. */
public enum EventType {
    VIEW,
    CLICK,
    ADD_TO_CART,
    PURCHASE,
    RATING,
    SKIP,
    DISLIKE,
    STATEMENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType parse(String value) {
        for (EventType t : values()) {
            if (t.label().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("[type] must be one of "
                + Arrays.stream(values()).map(EventType::label).toList() + ", got [" + value + "]");
    }
}
