package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics a CloudWatch dashboard's body charts: each metric array as namespace, name and
 * dimensions, and each {@code SEARCH('{Namespace,dim,...} MetricName="Name"', ...)} expression as
 * namespace, name and dimension names. The body is the Fn::Sub text; its ${...} stay as they are.
 */
record DashboardMetrics(List<Charted> metrics, List<Searched> searches) {

    /** A metric array: ["Namespace", "Name", "Dimension", "value", ...]. */
    record Charted(String namespace, String name, Map<String, String> dimensions) {
    }

    record Searched(String namespace, String name, List<String> dimensionNames) {
    }

    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^}]*)\\}\\s+MetricName=\"([^\"]+)\"'");

    static DashboardMetrics of(JsonNode dashboard) {
        String body = dashboard.path("Properties").path("DashboardBody").path("Fn::Sub").asText();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard body is not JSON", e);
        }
        List<Charted> charted = new ArrayList<>();
        List<Searched> searched = new ArrayList<>();
        for (JsonNode widget : root.path("widgets")) {
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                if (metric.path(0).isObject()) {
                    Matcher search = SEARCH.matcher(metric.path(0).path("expression").asText());
                    if (!search.find()) throw new IllegalArgumentException("not a SEARCH of one metric: " + metric);
                    List<String> schema = List.of(search.group(1).split(","));
                    searched.add(new Searched(schema.getFirst(), search.group(2), schema.subList(1, schema.size())));
                } else {
                    Map<String, String> dimensions = new LinkedHashMap<>();
                    for (int i = 2; i + 1 < metric.size() && metric.get(i).isTextual(); i += 2) {
                        dimensions.put(metric.get(i).asText(), metric.get(i + 1).asText());
                    }
                    charted.add(new Charted(metric.path(0).asText(), metric.path(1).asText(), dimensions));
                }
            }
        }
        return new DashboardMetrics(charted, searched);
    }

    List<Charted> in(String namespace) {
        return metrics.stream().filter(m -> m.namespace().equals(namespace)).toList();
    }
}
