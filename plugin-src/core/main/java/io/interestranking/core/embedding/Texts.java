package io.interestranking.core.embedding;

/** Text helpers used before tokenisation. */
public final class Texts {

    private Texts() {}

    /**
     * The longest prefix of at most {@code maxChars} characters that ends at whitespace, so the prefix's word
     * pieces are exactly the first word pieces of the whole text. Falls back to a hard cut (never inside a
     * surrogate pair) when there is no whitespace to cut at.
     */
    public static String prefixAtWhitespace(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        for (int i = maxChars; i > maxChars / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        int cut = maxChars;
        if (Character.isLowSurrogate(text.charAt(cut)) && cut > 0) {
            cut--;
        }
        return text.substring(0, cut);
    }
}
