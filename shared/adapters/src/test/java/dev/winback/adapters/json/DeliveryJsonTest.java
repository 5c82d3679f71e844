package dev.winback.adapters.json;

import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryJsonTest {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    static DeliveryRequest request() {
        return new DeliveryRequest("c-1", "order-status", "shipped", "o-1", Purpose.TRANSACTIONAL, MessageCategory.ORDER_UPDATES,
                List.of(Channel.PUSH, Channel.SMS), AT, AT.plus(Duration.ofDays(1)), Duration.ofHours(2),
                Map.of("orderId", "o-1"));
    }

    @Test
    void aLedgerEntryReadsBackAsWritten() {
        DeliveryRequest request = request();
        LedgerEntry entry = new LedgerEntry(request.key(), request, LedgerStatus.SENT,
                List.of(new Attempt(1, Channel.PUSH, request.key().messageId(1), Attempt.Status.FAILED, AT,
                                Optional.empty(), Optional.empty()),
                        new Attempt(2, Channel.SMS, request.key().messageId(2), Attempt.Status.SENT, AT.plusSeconds(1),
                                Optional.of("p-2"), Optional.of(AT.plusSeconds(60)))),
                List.of(MessageDecision.on(AT, MessageDecision.Kind.FAILED, Channel.PUSH,
                                MessageDecision.Reason.ENDPOINT_DISABLED, "endpoint_disabled: sns EndpointDisabled"),
                        MessageDecision.overall(AT, MessageDecision.Kind.STOPPED, MessageDecision.Reason.NO_CHANNEL_LEFT, "x")),
                Optional.of(AT.plusSeconds(7200)), Optional.empty(), Optional.of(2), 3, AT, AT.plusSeconds(1));

        assertThat(DeliveryJson.readEntry(entry.key(), 3, DeliveryJson.entryBytes(entry))).isEqualTo(entry);
    }

    @Test
    void aHeldOutEntryReadsBackWithItsUnit_andARequestQueuedBeforeUnitsIsMeasuredByItsJourney() throws Exception {
        DeliveryRequest request = new DeliveryRequest("c-1", "review-ask", "post-purchase/ask", "o-1", Purpose.MARKETING,
                MessageCategory.REMINDERS, List.of(Channel.EMAIL), AT, AT.plus(Duration.ofDays(1)), Duration.ofHours(2),
                Map.of("journey", "post-purchase"), "post-purchase-v2");
        LedgerEntry entry = new LedgerEntry(request.key(), request, LedgerStatus.HELD_OUT, List.of(),
                List.of(MessageDecision.on(AT, MessageDecision.Kind.STOPPED, Channel.EMAIL,
                        MessageDecision.Reason.HELD_OUT, "holdout of post-purchase-v2")),
                Optional.empty(), Optional.empty(), Optional.empty(), 1, AT, AT);

        byte[] stored = DeliveryJson.entryBytes(entry);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":\"held_out\"", "\"measuredBy\":\"post-purchase-v2\"", "\"reason\":\"held_out\"");
        assertThat(DeliveryJson.readEntry(entry.key(), 1, stored)).isEqualTo(entry);

        var old = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DeliveryQueueMessages.body(request)).path("deliveryRequest");
        old.remove("measuredBy");
        assertThat(DeliveryJson.readRequest(old).measuredBy()).isEqualTo("post-purchase");
        old.remove("variables");
        assertThat(DeliveryJson.readRequest(old).measuredBy()).isEqualTo("review-ask");
    }

    @Test
    void theQueueTakesRetentionActionsAndDeliveryRequests() {
        DeliveryQueueMessages reader = new DeliveryQueueMessages(DeliveryPolicy.defaults());
        ActionRequest action = new ActionRequest("a".repeat(64), "c-2", SignalType.LAPSED, AT, "gone quiet",
                RetentionAction.LAPSED_CAMPAIGN, "lapsed-any-channel", List.of(Channel.EMAIL), Purpose.MARKETING, AT,
                new PlaybookVersion(2026, 11, 1));
        ActionRequest throttle = new ActionRequest("b".repeat(64), "c-2", SignalType.IGNORES_EVERY_CHANNEL, AT, "x",
                RetentionAction.THROTTLE, "throttle-unresponsive", List.of(Channel.EMAIL), Purpose.MARKETING, AT,
                new PlaybookVersion(2026, 11, 1));

        assertThat(reader.parse(DeliveryQueueMessages.body(request())))
                .isEqualTo(new DeliveryQueueMessages.Parsed.Deliver(request()));
        DeliveryRequest fromAction = ((DeliveryQueueMessages.Parsed.Deliver) reader.parse(
                RetentionActionRequestedJson.toDetail(action))).request();
        assertThat(fromAction.slot()).isEqualTo(action.idempotencyKey());
        assertThat(fromAction.expiresAt()).isEqualTo(AT.plus(DeliveryPolicy.defaults().expiry()));
        assertThat(reader.parse(RetentionActionRequestedJson.toDetail(throttle)))
                .isInstanceOf(DeliveryQueueMessages.Parsed.NotAMessage.class);
        assertThat(reader.parse("{\"deliveryRequest\": {\"customerId\": \"c-1\"}}"))
                .isInstanceOf(DeliveryQueueMessages.Parsed.Invalid.class);
        assertThat(reader.parse("not json")).isInstanceOf(DeliveryQueueMessages.Parsed.Invalid.class);
    }
}
