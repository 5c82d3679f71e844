package dev.winback.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response around an HTML page for the people who follow Winback's links (the pages themselves
 * are templates: see {@code MustachePages}): never cached, never indexed, never framed, no script,
 * and no referrer leaks the link to other sites.
 */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** @param html a whole page (see {@code MustachePages}) */
    public static APIGatewayV2HTTPResponse page(int status, String html) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("cache-control", "no-store");
        headers.put("x-robots-tag", "noindex, nofollow");
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("content-security-policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(html)
                .withIsBase64Encoded(false).build();
    }
}
