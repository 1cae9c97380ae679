package io.interestranking.opensearch.action;

import java.io.IOException;
import org.opensearch.OpenSearchException;
import org.opensearch.common.CheckedFunction;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.XContentParseException;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.RestRequest;

/** The REST base path of the plugin, and how its handlers read a body. */
public final class RestPaths {

    public static final String BASE = "/_plugins/_interest";

    private RestPaths() {}

    /**
     * Parses the request body. Whatever the parser itself refuses (broken JSON, nesting deeper than the parser's
     * limit, a number too long…) is the client's error: a 400 {@code x_content_parse_exception}, never a 500; so is
     * anything after the body's object, as core's {@code _search} says.
     */
    public static <T> T parseBody(RestRequest request, CheckedFunction<XContentParser, T, IOException> read)
            throws IOException {
        try (XContentParser parser = request.contentParser()) {
            T parsed = read.apply(parser);
            XContentParser.Token trailing = parser.nextToken();
            if (trailing != null) {
                throw new ParsingException(
                        parser.getTokenLocation(), "Unexpected token [" + trailing + "] found after the main object.");
            }
            return parsed;
        } catch (OpenSearchException | IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new XContentParseException(null, "malformed request body: " + e.getMessage(), e);
        }
    }
}
