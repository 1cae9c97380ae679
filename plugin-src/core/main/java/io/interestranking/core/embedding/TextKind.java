package io.interestranking.core.embedding;

/** Some models embed queries and passages with different prefixes (e5, bge): the caller says which it has. */
public enum TextKind {
    QUERY,
    PASSAGE
}
