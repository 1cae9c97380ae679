package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.examples.PersonalizedSearchExample;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The opensearch-java example runs against the single-node cluster with the demo catalog. */
class JavaClientExampleIT {

    @Test
    void theJavaClientExamplePostsEventsSearchesAndReadsTheProfile() throws Exception {
        Rest rest = Rest.single();
        Fixtures.demoCatalog(rest, Path.of(System.getProperty("tests.root.dir", ".")));
        rest.call("DELETE", "/_plugins/_interest/users/java-example", null);
        PersonalizedSearchExample.Outcome outcome = PersonalizedSearchExample.run(
                System.getProperty("tests.cluster.single", "http://127.0.0.1:9250"), "java-example");
        JsonNode events = Rest.JSON.readTree(outcome.events());
        assertFalse(events.get("errors").asBoolean(), outcome.events());
        JsonNode hits = Rest.JSON.readTree(outcome.search()).get("hits").get("hits");
        assertEquals(5, hits.size(), outcome.search());
        // items 5 and 15 of the demo catalog are gardening items: the personalised top hit is one too
        assertEquals("gardening", hits.get(0).get("_source").get("category").asText(), outcome.search());
        JsonNode profile = Rest.JSON.readTree(outcome.profile());
        assertEquals(2, profile.get("event_count").asInt(), outcome.profile());
        assertTrue(profile.get("interests").size() >= 1);
    }
}
