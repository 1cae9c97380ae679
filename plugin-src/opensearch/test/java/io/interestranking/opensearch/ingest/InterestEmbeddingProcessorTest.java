package io.interestranking.opensearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterestEmbeddingProcessorTest {

    @Test
    void acceptsStringsAndJoinsArrays() {
        assertEquals("a b", InterestEmbeddingProcessor.textOf("f", "a b"));
        assertEquals("one\ntwo", InterestEmbeddingProcessor.textOf("f", List.of("one", "two")));
    }

    @Test
    void rejectsNumbersObjectsAndMixedArraysNamingTheField() {
        String number = assertThrows(
                        IllegalArgumentException.class, () -> InterestEmbeddingProcessor.textOf("title", 42))
                .getMessage();
        assertTrue(number.contains("field [title]") && number.contains("[number]"), number);
        String object = assertThrows(
                        IllegalArgumentException.class, () -> InterestEmbeddingProcessor.textOf("body", Map.of("a", 1)))
                .getMessage();
        assertTrue(object.contains("field [body]") && object.contains("[object]"), object);
        String mixed = assertThrows(
                        IllegalArgumentException.class,
                        () -> InterestEmbeddingProcessor.textOf("tags", Arrays.asList("x", null)))
                .getMessage();
        assertTrue(mixed.contains("field [tags]") && mixed.contains("[null]"), mixed);
    }
}
