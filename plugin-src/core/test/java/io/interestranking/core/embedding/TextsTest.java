package io.interestranking.core.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shortTextIsUntouched() {
        assertEquals("abc def", Texts.prefixAtWhitespace("abc def", 100));
    }

    @Test
    void cutsAtTheLastWhitespaceWithinTheLimit() {
        assertEquals("alpha beta", Texts.prefixAtWhitespace("alpha beta gamma", 12));
    }

    @Test
    void hardCutWithoutWhitespaceNeverSplitsASurrogatePair() {
        String text = "aaaa\uD83D\uDE00bbbb"; // the emoji's pair sits at 4..5
        assertEquals("aaaa", Texts.prefixAtWhitespace(text, 5));
        assertEquals("aaaa\uD83D\uDE00", Texts.prefixAtWhitespace(text, 6));
    }
}
