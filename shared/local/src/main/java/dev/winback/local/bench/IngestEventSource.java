package dev.winback.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.template.SamTemplate;

import java.time.Duration;

/**
 * The ingest function's SQS event source as the template declares it: the batch size and the
 * batching window the poller fills a batch within.
 */
record IngestEventSource(int batchSize, Duration window) {

    static IngestEventSource of(SamTemplate template) {
        String function = template.functionWithHandler(IngestEventsHandler.class)
                .orElseThrow(() -> new IllegalStateException("the template has no function with the ingest handler"));
        for (JsonNode event : template.functionProperty(function, "Events")) {
            if (!"SQS".equals(event.path("Type").asText())) continue;
            JsonNode properties = event.path("Properties");
            // SQS's defaults: batches of 10, no batching window.
            return new IngestEventSource(properties.path("BatchSize").asInt(10),
                    Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)));
        }
        throw new IllegalStateException("the ingest function " + function + " has no SQS event source");
    }
}
