package dev.winback.adapters.sqs;

import dev.winback.adapters.json.MessageSchemas;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.winback.adapters.json.MessageSchemas.DELIVERY_REQUEST_MESSAGE;
import static dev.winback.adapters.json.MessageSchemas.RETENTION_ACTION_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery queue's bodies against their published schemas: {@code {"deliveryRequest": …}} as
 * {@link DeliveryQueueMessages#body} writes it, and the evaluator's RetentionActionRequested details.
 * A body the schema refuses is one the queue's reader refuses too.
 */
class DeliveryRequestMessageSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final DeliveryQueueMessages READER = new DeliveryQueueMessages(DeliveryPolicy.defaults());

    private static DeliveryRequest orderShipped() {
        return new DeliveryRequest("c-1", "order-status", "shipped", "o-1", Purpose.TRANSACTIONAL,
                MessageCategory.ORDER_UPDATES, List.of(Channel.PUSH, Channel.SMS), AT, AT.plus(Duration.ofDays(1)),
                Duration.ofHours(2), Map.of("orderId", "o-1", "carrier", "Über \"Express\""));
    }

    @Test
    void whatOtherFeaturesSend_validatesAndReadsBack() {
        List<DeliveryRequest> requests = new ArrayList<>(List.of(orderShipped(),
                new DeliveryRequest("tenant-7@c-2", "review-request", "ask", "2026-12-01", Purpose.MARKETING,
                        MessageCategory.SURVEYS, List.of(), AT.plusNanos(123_456_789), AT.plus(Duration.ofDays(7)),
                        Duration.ZERO, Map.of()),
                new DeliveryRequest("c-3", "reminder", "due", "o-9", Purpose.MARKETING, MessageCategory.REMINDERS,
                        List.of(Channel.values()), AT, AT.plusSeconds(90), Duration.ofMinutes(90).plusMillis(500),
                        Map.of()),
                // A one-off campaign's message at 10:00 in the customer's own time.
                new DeliveryRequest("c-4", "holiday-offer", "campaign/holiday-2026", "run", Purpose.MARKETING,
                        MessageCategory.PROMOTIONS, List.of(Channel.EMAIL), AT, AT.plus(Duration.ofDays(3)),
                        Duration.ofHours(4), Map.of(), "holiday-2026",
                        java.util.Optional.of(java.time.LocalDateTime.parse("2026-12-08T10:00")))));
        for (RetentionAction action : RetentionAction.values()) {
            if (action.kind() != RetentionAction.Kind.MESSAGE) continue;
            requests.add(DeliveryRequest.of(action(action, Purpose.MARKETING), DeliveryPolicy.defaults()));
            requests.add(DeliveryRequest.of(action(action, Purpose.TRANSACTIONAL), DeliveryPolicy.defaults()));
        }
        for (DeliveryRequest request : requests) {
            String body = DeliveryQueueMessages.body(request);
            assertThat(MessageSchemas.violations(DELIVERY_REQUEST_MESSAGE, body)).as(body).isEmpty();
            assertThat(READER.parse(body)).isEqualTo(new DeliveryQueueMessages.Parsed.Deliver(request));
        }
    }

    @Test
    void theEvaluatorsBodies_validateAsRetentionActionRequested() {
        for (RetentionAction action : RetentionAction.values()) {
            String body = RetentionActionRequestedJson.toDetail(action(action, Purpose.MARKETING));
            assertThat(MessageSchemas.violations(RETENTION_ACTION_REQUESTED, body)).as(body).isEmpty();
            assertThat(MessageSchemas.violations(DELIVERY_REQUEST_MESSAGE, body)).as("not a deliveryRequest").isNotEmpty();
            assertThat(READER.parse(body)).isNotInstanceOf(DeliveryQueueMessages.Parsed.Invalid.class);
        }
    }

    /** Each a body the reader refuses (it cannot build a request from it): the schema refuses it too. */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"customerId\":\"c-1\",|",
            "\"slot\":\"o-1\",|\"slot\":\" \",",
            "\"purpose\":\"transactional\"|\"purpose\":\"service\"",
            "\"category\":\"order_updates\"|\"category\":\"orders\"",
            "[\"push\",\"sms\"]|[\"push\",\"pigeon\"]",
            "[\"push\",\"sms\"]|\"push\"",
            "\"requestedAt\":\"2026-11-23T10:00:00Z\"|\"requestedAt\":\"yesterday\"",
            "\"expiresAt\":\"2026-11-24T10:00:00Z\",|",
            "\"receiptWait\":\"PT2H\"|\"receiptWait\":\"2 hours\"",
            "\"receiptWait\":\"PT2H\"|\"receiptWait\":7200",
    })
    void aBodyTheQueueCannotRead_isRefusedByTheSchema(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String body = DeliveryQueueMessages.body(orderShipped());
        assertThat(body).contains(fromTo[0]);
        String broken = body.replace(fromTo[0], fromTo[1]);

        assertThat(READER.parse(broken)).as(broken).isInstanceOf(DeliveryQueueMessages.Parsed.Invalid.class);
        assertThat(MessageSchemas.violations(DELIVERY_REQUEST_MESSAGE, broken)).as(broken).isNotEmpty();
    }

    /** The schema is stricter than the reader where a mistake would otherwise pass in silence. */
    @ParameterizedTest
    @ValueSource(strings = {
            "\"channels\":|\"chanels\":",
            "\"variables\":{|\"variables\":{\"count\":3,",
            "{\"deliveryRequest\":|{\"journey\":\"j-1\",\"deliveryRequest\":",
    })
    void aMisspeltOrMistypedField_isRefused(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String body = DeliveryQueueMessages.body(orderShipped());
        assertThat(body).contains(fromTo[0]);

        assertThat(MessageSchemas.violations(DELIVERY_REQUEST_MESSAGE, body.replace(fromTo[0], fromTo[1]))).isNotEmpty();
    }

    @Test
    void theSchemasNames_areTheCodesWireNames() {
        String request = "/$defs/deliveryRequest/properties/";
        assertThat(MessageSchemas.enumAt(DELIVERY_REQUEST_MESSAGE, request + "category"))
                .isEqualTo(wireNames(MessageCategory.values(), MessageCategory::wireName));
        assertThat(MessageSchemas.enumAt(DELIVERY_REQUEST_MESSAGE, request + "channels/items"))
                .isEqualTo(wireNames(Channel.values(), Channel::wireName));
        assertThat(MessageSchemas.enumAt(DELIVERY_REQUEST_MESSAGE, request + "purpose"))
                .isEqualTo(wireNames(Purpose.OF_MESSAGES.toArray(Purpose[]::new), Purpose::wireName));
    }

    private static ActionRequest action(RetentionAction action, Purpose purpose) {
        Instant since = AT.minus(Duration.ofDays(3));
        return new ActionRequest(ActionRequest.idempotencyKey("c-2", SignalType.LAPSED, since, action, "campaign"),
                "c-2", SignalType.LAPSED, since, "gone quiet", action, "campaign",
                action.needsChannels() ? List.of(Channel.EMAIL, Channel.PUSH) : List.of(), purpose, AT,
                new PlaybookVersion(2026, 11, 1));
    }

    private static <E> Set<String> wireNames(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).collect(Collectors.toCollection(TreeSet::new));
    }
}
