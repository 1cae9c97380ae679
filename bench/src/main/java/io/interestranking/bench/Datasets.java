package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.it.Rest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the shared evaluation data in place (it is never copied into the project). */
final class Datasets {

    private Datasets() {}

    record Doc(String id, String title, String text) {
        /** BEIR's document text: title, a space, body. */
        String beirText() {
            return (title + " " + text).strip();
        }
    }

    static List<Doc> scifactCorpus(Path dir) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("corpus.jsonl.gz"))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = Rest.JSON.readTree(line);
                docs.add(new Doc(
                        n.get("_id").asText(),
                        n.get("title").asText(""),
                        n.get("text").asText("")));
            }
        }
        return docs;
    }

    static Map<String, String> scifactQueries(Path dir) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("queries.jsonl"))) {
            JsonNode n = Rest.JSON.readTree(line);
            queries.put(n.get("_id").asText(), n.get("text").asText());
        }
        return queries;
    }

    /** The judgements of one split ({@code test}, {@code train}): query id → document id → relevance. */
    static Map<String, Map<String, Integer>> scifactQrels(Path dir, String split) throws IOException {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("qrels").resolve(split + ".tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2]));
        }
        return qrels;
    }

    static String bulkLine(String index, String id, Map<String, Object> doc) throws IOException {
        return "{\"index\":{\"_index\":\"" + index + "\",\"_id\":" + Rest.JSON.writeValueAsString(id) + "}}\n"
                + Rest.JSON.writeValueAsString(doc) + "\n";
    }
}
