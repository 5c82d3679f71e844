package dev.winback.local.runtime.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP API route as the template declares it ({@code GET /v1/customers/{customerId}}), with the
 * function it invokes. Matches request paths the way API Gateway HTTP APIs do: segment by segment on
 * the decoded path, {@code {name}} takes one segment, a final {@code {name+}} takes the rest,
 * method {@code ANY} takes every method.
 */
public record HttpRoute(String method, String path, String functionId) {

    public static final String ANY = "ANY";
    public static final String DEFAULT_ROUTE = "$default";

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(functionId, "functionId");
        method = method.toUpperCase(Locale.ROOT);
        if (!isDefault(path) && !path.startsWith("/")) {
            throw new TemplateException("route path must start with '/': " + path);
        }
    }

    private static boolean isDefault(String path) {
        return DEFAULT_ROUTE.equals(path);
    }

    public boolean isDefault() {
        return isDefault(path);
    }

    /** "GET /v1/customers/{customerId}", or "$default": what API Gateway puts in routeKey. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }

    /** The path parameters if this route takes the request, otherwise empty. */
    public Optional<Map<String, String>> match(String requestMethod, String decodedPath) {
        if (isDefault()) {
            return Optional.of(Map.of());
        }
        if (!method.equals(ANY) && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        List<String> template = segments(path);
        List<String> actual = segments(decodedPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            boolean last = i == template.size() - 1;
            if (last && segment.startsWith("{") && segment.endsWith("+}")) {
                if (actual.size() <= i) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (actual.size() <= i) {
                return Optional.empty();
            }
            String value = actual.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), value);
            } else if (!segment.equals(value)) {
                return Optional.empty();
            }
        }
        return actual.size() == template.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * Orders routes most specific first, as API Gateway chooses among several matches: literal
     * segments beat parameters, a greedy parameter comes after every exact-length route, a named method
     * beats ANY, and $default comes last.
     */
    public static int mostSpecificFirst(HttpRoute a, HttpRoute b) {
        return Long.compare(b.specificity(), a.specificity());
    }

    private long specificity() {
        if (isDefault()) {
            return Long.MIN_VALUE;
        }
        List<String> template = segments(path);
        boolean greedy = !template.isEmpty() && template.getLast().endsWith("+}");
        long literals = template.stream().filter(s -> !s.startsWith("{")).count();
        return (greedy ? 0 : 1_000_000L) + literals * 100 + template.size() * 2L + (method.equals(ANY) ? 0 : 1);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.getFirst().isEmpty()) {
            segments.removeFirst();
        }
        return segments;
    }
}
