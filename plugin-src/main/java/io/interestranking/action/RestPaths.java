package io.interestranking.action;

/** The REST base path of the plugin. */
public final class RestPaths {

    public static final String BASE = "/_plugins/_interest";

    private RestPaths() {}
}
