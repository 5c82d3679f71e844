package dev.winback.local.runtime.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as it reached the local server, before any API Gateway shaping.
 *
 * @param uri     the request target as sent (raw, percent-encoded path and query)
 * @param headers header names as sent (any case), every value of repeated headers
 * @param body    the bytes, empty when there was none
 */
public record HttpRequestData(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                              String sourceIp, String protocol) {

    public HttpRequestData {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a header, whatever its case, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst();
            }
        }
        return null;
    }
}
