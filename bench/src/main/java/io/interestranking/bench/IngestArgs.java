package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Path;

/**
 * The arguments the ingest benches share: {@code <node url> <scifact dir> <models dir> <report.md> [texts=2000]
 * [rounds=3]}, then any of their own.
 */
record IngestArgs(Rest rest, Path scifact, Path models, Path report, int texts, int rounds) {

    static IngestArgs of(String[] args) {
        return new IngestArgs(
                new Rest(args[0]),
                Path.of(args[1]),
                Path.of(args[2]),
                Path.of(args[3]),
                intArg(args, 4, 2000),
                intArg(args, 5, 3));
    }

    /** Argument {@code i} as a number, or {@code fallback} when it is not given. */
    static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
