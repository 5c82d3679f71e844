package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.schedule.LocalSchedules;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local runtime as journeys meet it: events through the real ingest handler (which feeds the
 * journeys and delivers their first steps at once), the virtual clock moved in steps with the
 * template's schedules ticked after each (the journeys' timer among them), and what was sent read
 * from the send ledger through {@code GET /v1/customers/{id}/messages}.
 */
final class JourneyRuntime implements AutoCloseable {

    /** One message of a journey as the ledger holds it: the campaign, how it went out and when. */
    record Sent(String journey, String campaign, String status, String channel, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    final LocalRuntime runtime;
    private final EventJsonWriter writer = new EventJsonWriter();

    /**
     * @param env what delivery reads of the environment; empty: every channel to the outbox. No
     *            holdouts: these tests are about what journeys send, not about measuring it.
     */
    JourneyRuntime(Instant start, Map<String, String> env) {
        runtime = LocalRuntime.start(IngestFixture.templatePath(), 0, start, LocalRuntime.DynamoDbAccess.HTTP,
                LocalSchedules.DEFAULT_RUNS_PER_SCHEDULE, env, HoldoutShares.NONE);
    }

    Instant now() {
        return runtime.clock().instant();
    }

    EngagementEvent event(String customerId, EventPayload payload) {
        return new EngagementEvent("j-" + IDS.incrementAndGet(), customerId, now(), Optional.empty(), payload);
    }

    /** Events through the real ingest handler, as one SQS batch sent now. */
    void ingest(EngagementEvent... events) {
        SQSBatchResponse response = runtime.ingest().handleRequest(
                SqsEvents.batch(java.util.Arrays.stream(events).map(writer::toJson).toList(), now()), null);
        if (!response.getBatchItemFailures().isEmpty()) throw new IllegalStateException("ingest asked for retries");
    }

    /**
     * A customer with an email address (subscribed, marketing consent) and a phone number, in
     * {@code zone}; with a birthday ({@code --MM-DD}) when given.
     */
    void customer(String customerId, String zone, Optional<String> birthday) {
        customer(customerId, zone, birthday, Optional.of("+15550100" + String.format("%03d",
                Math.floorMod(customerId.hashCode(), 1000))));
    }

    void customer(String customerId, String zone, Optional<String> birthday, Optional<String> phone) {
        ingest(event(customerId, new EventPayload.ProfileUpdated(Optional.of(customerId + "@example.com"), phone,
                        Optional.of(zone), Optional.of("en-US"), birthday, Optional.empty())),
                event(customerId, new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED)),
                event(customerId, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1")));
    }

    void buy(String customerId, String orderId, LineItem... items) {
        ingest(event(customerId, new EventPayload.PurchaseCompleted(orderId, new BigDecimal("10.00"), "EUR",
                List.of(items))));
    }

    static LineItem item(String sku, String category) {
        return new LineItem(sku, category, 1, new BigDecimal("10.00"));
    }

    /** Moves the clock {@code total} on in steps of {@code step}, ticking the schedules after each. */
    void advance(Duration total, Duration step) {
        Instant until = now().plus(total);
        while (now().isBefore(until)) {
            Duration left = Duration.between(now(), until);
            runtime.clock().advance(left.compareTo(step) < 0 ? left : step);
            runtime.schedules().tick();
        }
    }

    /** The customer's journey messages in the ledger, oldest first, each with its sent attempt (if any). */
    List<Sent> journeyMessages(String customerId) {
        List<Sent> sent = new ArrayList<>();
        for (JsonNode message : get("GET /v1/customers/{customerId}/messages", customerId).path("messages")) {
            JsonNode request = message.path("request");
            String journey = request.path("variables").path("journey").asText(null);
            if (journey == null) continue;
            JsonNode attempt = null;
            for (JsonNode a : message.path("attempts")) if (a.path("status").asText().equals("sent")) attempt = a;
            sent.add(new Sent(journey, request.path("campaignId").asText(), message.path("status").asText(),
                    attempt == null ? null : attempt.path("channel").asText(),
                    attempt == null ? null : Instant.parse(attempt.path("at").asText())));
        }
        sent.sort(Comparator.comparing((Sent s) -> s.at() == null ? Instant.MAX : s.at()).thenComparing(Sent::campaign));
        return sent;
    }

    /** The messages' full ledger entries, as the route serves them. */
    JsonNode messages(String customerId) {
        return get("GET /v1/customers/{customerId}/messages", customerId);
    }

    JsonNode customerView(String customerId) {
        return get("GET /v1/customers/{customerId}", customerId);
    }

    private JsonNode get(String routeKey, String customerId) {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setRouteKey(routeKey);
        request.setPathParameters(Map.of("customerId", customerId));
        APIGatewayV2HTTPResponse response = runtime.httpApi().handleRequest(request, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(routeKey + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        try {
            return JSON.readTree(response.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
