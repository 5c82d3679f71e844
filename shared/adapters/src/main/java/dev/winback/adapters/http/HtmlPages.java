package dev.winback.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small, plain, accessible HTML pages for the people who follow Winback's links: a language, a
 * title, one heading, readable without CSS or JavaScript (there is none), a real form button with
 * a label. Never cached, never indexed, and no referrer leaks the link to other sites.
 */
public final class HtmlPages {

    private HtmlPages() {
    }

    public static APIGatewayV2HTTPResponse page(int status, String title, String bodyHtml) {
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex, nofollow">
                <title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
                button{font-size:1rem;padding:.6rem 1.2rem;border:2px solid #1a1a1a;border-radius:.3rem;background:#1a1a1a;color:#fff;cursor:pointer}
                button:focus{outline:3px solid #0b57d0;outline-offset:2px}
                fieldset{border:1px solid #767676;margin:1rem 0;padding:.5rem 1rem}
                label{display:block;margin:.3rem 0}
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(title), bodyHtml);
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

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
