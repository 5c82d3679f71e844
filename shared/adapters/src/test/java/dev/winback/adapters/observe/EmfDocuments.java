package dev.winback.adapters.observe;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a line against the Embedded Metric Format specification and reads its parts. */
public final class EmfDocuments {

    private EmfDocuments() {
    }

    /**
     * The document's one metric directive, after checking what the specification requires: an
     * {@code _aws} object with the timestamp in epoch milliseconds and CloudWatchMetrics directives
     * each naming a namespace, dimension sets whose names are root members with string values, and
     * metrics with a name and unit whose values are root members; at most 100 metrics, 30 dimensions.
     */
    public static JsonNode directive(JsonNode document, Instant at) {
        JsonNode aws = document.get("_aws");
        assertThat(aws).as("_aws").isNotNull();
        assertThat(aws.get("Timestamp").isIntegralNumber()).as("_aws.Timestamp is a number").isTrue();
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(at.toEpochMilli());
        assertThat(aws.get("CloudWatchMetrics").isArray()).isTrue();
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        for (JsonNode set : directive.get("Dimensions")) {
            assertThat(set.size()).isBetween(1, 30);
            for (JsonNode name : set) {
                assertThat(document.get(name.asText())).as("dimension %s", name).isNotNull();
                assertThat(document.get(name.asText()).isTextual()).as("dimension %s is a string", name).isTrue();
            }
        }
        assertThat(directive.get("Metrics").size()).isBetween(1, 100);
        for (JsonNode metric : directive.get("Metrics")) {
            assertThat(metric.get("Unit").asText()).isEqualTo("Count");
            assertThat(document.get(metric.get("Name").asText())).as("value of %s", metric.get("Name")).isNotNull();
            assertThat(document.get(metric.get("Name").asText()).isNumber()).isTrue();
        }
        return directive;
    }

    public static List<String> metricNames(JsonNode directive) {
        List<String> names = new ArrayList<>();
        for (JsonNode metric : directive.get("Metrics")) names.add(metric.get("Name").asText());
        return names;
    }
}
