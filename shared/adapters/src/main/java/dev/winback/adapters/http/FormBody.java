package dev.winback.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an HTML form POST as API Gateway hands it over (the body base64-encoded or not):
 * {@code application/x-www-form-urlencoded} and {@code multipart/form-data}, the two encodings RFC
 * 8058 allows for a one-click unsubscribe. File parts and anything else are ignored.
 */
public final class FormBody {

    /** Far above any form this API serves. */
    public static final int MAX_BYTES = 64 * 1024;

    private FormBody() {
    }

    /** The fields, or empty when the body is not a form this class reads (or is too large). */
    public static Optional<Map<String, List<String>>> parse(APIGatewayV2HTTPEvent request) {
        String contentType = header(request, "content-type").orElse("");
        byte[] body;
        try {
            String raw = request.getBody() == null ? "" : request.getBody();
            body = request.getIsBase64Encoded() ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (body.length > MAX_BYTES) return Optional.empty();
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return Optional.of(urlEncoded(new String(body, StandardCharsets.UTF_8)));
        }
        if (type.startsWith("multipart/form-data")) {
            return boundary(contentType).map(b -> multipart(new String(body, StandardCharsets.ISO_8859_1), b));
        }
        return Optional.empty();
    }

    public static Optional<String> header(APIGatewayV2HTTPEvent request, String name) {
        if (request.getHeaders() == null) return Optional.empty();
        for (Map.Entry<String, String> e : request.getHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return Optional.ofNullable(e.getValue());
        }
        return Optional.empty();
    }

    static Map<String, List<String>> urlEncoded(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null) fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<String> boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
                return b.isEmpty() || b.length() > 200 ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** @param body the body as ISO-8859-1, so bytes map to chars one to one */
    static Map<String, List<String>> multipart(String body, String boundary) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String delimiter = "--" + boundary;
        String[] parts = body.split(java.util.regex.Pattern.quote(delimiter), -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) break; // the closing delimiter
            part = stripLeadingLineBreak(part);
            int headerEnd = part.indexOf("\r\n\r\n");
            int separator = 4;
            if (headerEnd < 0) {
                headerEnd = part.indexOf("\n\n");
                separator = 2;
            }
            if (headerEnd < 0) continue;
            String headers = part.substring(0, headerEnd);
            String value = part.substring(headerEnd + separator);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            else if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
            Optional<String> name = fieldName(headers);
            if (name.isPresent()) {
                String utf8 = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(utf8);
            }
        }
        return fields;
    }

    private static String stripLeadingLineBreak(String part) {
        if (part.startsWith("\r\n")) return part.substring(2);
        if (part.startsWith("\n")) return part.substring(1);
        return part;
    }

    /** The name of a form-data part without a filename (file uploads are not form fields here). */
    private static Optional<String> fieldName(String headers) {
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) continue;
            String name = null;
            for (String parameter : line.substring(colon + 1).split(";")) {
                String p = parameter.trim();
                String lower = p.toLowerCase(Locale.ROOT);
                if (lower.startsWith("filename")) return Optional.empty();
                if (lower.startsWith("name=")) {
                    name = p.substring("name=".length());
                    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                        name = name.substring(1, name.length() - 1);
                    }
                }
            }
            return Optional.ofNullable(name);
        }
        return Optional.empty();
    }
}
