package dev.winback.adapters.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.observe.Metric;
import dev.winback.core.observe.Metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The core's counts in CloudWatch's Embedded Metric Format: added up during an invocation, then
 * written by {@link #flush} as JSON lines (one per set of dimension values) that CloudWatch Logs turns
 * into metrics, with no API call and no client. Every metric has the {@code service} dimension; one
 * broken down further (actions by rule) is also aggregated by service alone.
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "Winback";
    public static final String SERVICE_DIMENSION = "service";
    private static final JsonFactory JSON = new JsonFactory();

    private record Key(Metric metric, List<String> values) {
    }

    /** The metrics of one EMF document: same dimension names, same values. */
    private record Document(List<String> dimensions, List<String> values) {
    }

    private final String service;
    private final Consumer<String> lines;
    private final Clock clock;
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /** @param lines where each EMF document goes, one line each (standard output in Lambda) */
    public EmfMetrics(String service, Consumer<String> lines, Clock clock) {
        this.service = service;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    public void add(Metric metric, List<String> dimensionValues, long count) {
        if (dimensionValues.size() != metric.dimensions().size()) {
            throw new IllegalArgumentException(metric + " takes " + metric.dimensions() + ", got " + dimensionValues.size() + " values");
        }
        counts.computeIfAbsent(new Key(metric, List.copyOf(dimensionValues)), k -> new LongAdder()).add(count);
    }

    /** Writes what was counted since the last flush, and starts again from nothing. */
    public void flush() {
        Map<Document, Map<Metric, Long>> documents = new LinkedHashMap<>();
        for (Key key : new ArrayList<>(counts.keySet())) {
            LongAdder taken = counts.remove(key);
            if (taken == null) continue;
            documents.computeIfAbsent(new Document(key.metric().dimensions(), key.values()), d -> new LinkedHashMap<>())
                    .merge(key.metric(), taken.sum(), Long::sum);
        }
        long timestamp = clock.millis();
        documents.forEach((document, metrics) -> lines.accept(line(timestamp, document, metrics)));
    }

    private String line(long timestamp, Document document, Map<Metric, Long> metrics) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            writeDimensionSet(json, List.of());
            if (!document.dimensions().isEmpty()) writeDimensionSet(json, document.dimensions());
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : metrics.keySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.metricName());
                json.writeStringField("Unit", "Count");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(SERVICE_DIMENSION, service);
            for (int i = 0; i < document.dimensions().size(); i++) {
                json.writeStringField(document.dimensions().get(i), document.values().get(i));
            }
            for (Map.Entry<Metric, Long> metric : metrics.entrySet()) {
                json.writeNumberField(metric.getKey().metricName(), metric.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeDimensionSet(JsonGenerator json, List<String> extra) throws IOException {
        json.writeStartArray();
        json.writeString(SERVICE_DIMENSION);
        for (String name : extra) json.writeString(name);
        json.writeEndArray();
    }
}
