package io.interestranking.core.profile;

/** What a user id may be, wherever one arrives (events, users calls, queries). */
public final class UserIds {

    public static final int MAX_LENGTH = 256;

    private UserIds() {}

    /** The id, checked: a non-empty string of at most {@value #MAX_LENGTH} characters; else a 400 naming the field. */
    public static String check(Object value) {
        if (value instanceof String s && s.isBlank() == false) {
            if (s.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("[user_id] is longer than " + MAX_LENGTH + " characters");
            }
            return s;
        }
        throw new IllegalArgumentException("[user_id] is required and must be a non-empty string");
    }
}
