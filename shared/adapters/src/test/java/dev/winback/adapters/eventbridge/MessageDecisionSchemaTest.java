package dev.winback.adapters.eventbridge;

import dev.winback.adapters.json.MessageSchemas;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.winback.adapters.json.MessageSchemas.MESSAGE_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

/** The published MessageDecision schema against {@link EventBridgeDecisionPublisher#detail}. */
class MessageDecisionSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static LedgerEntry entry(LedgerStatus status, Purpose purpose) {
        DeliveryRequest request = new DeliveryRequest("tenant-7@c-1", "order-status", "shipped", "o-1", purpose,
                MessageCategory.ORDER_UPDATES, List.of(Channel.PUSH, Channel.SMS), AT, AT.plus(Duration.ofDays(1)),
                Duration.ofHours(2), Map.of());
        return new LedgerEntry(request.key(), request, status, List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 1, AT, AT);
    }

    @Test
    void everyKindReasonAndStatusTheLedgerCanRecord_validates() {
        int checked = 0;
        for (MessageDecision.Kind kind : MessageDecision.Kind.values()) {
            for (MessageDecision.Reason reason : MessageDecision.Reason.values()) {
                LedgerStatus status = LedgerStatus.values()[checked % LedgerStatus.values().length];
                Purpose purpose = Purpose.OF_MESSAGES.get(checked % Purpose.OF_MESSAGES.size());
                Instant at = AT.plusMillis(checked);
                MessageDecision decision = checked % 3 == 0
                        ? MessageDecision.overall(at, kind, reason, "")
                        : MessageDecision.on(at, kind, Channel.values()[checked % Channel.values().length], reason,
                        reason.wireName() + ": \"quoted\" détail");
                String detail = EventBridgeDecisionPublisher.detail(entry(status, purpose), decision);
                assertThat(MessageSchemas.violations(MESSAGE_DECISION, detail)).as(detail).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MessageDecision.Kind.values().length * MessageDecision.Reason.values().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"schemaVersion\":1,|",
            "\"schemaVersion\":1|\"schemaVersion\":\"1\"",
            "\"customerId\":\"tenant-7@c-1\"|\"customerId\":\"ana@example.com\"",
            "\"status\":\"sent\"|\"status\":\"delivered\"",
            "\"purpose\":\"marketing\"|\"purpose\":\"MARKETING\"",
            "\"kind\":\"held\"|\"kind\":\"waiting\"",
            "\"channel\":\"sms\"|\"channel\":\"fax\"",
            "\"reason\":\"quiet_hours\"|\"reason\":\"night\"",
            "\"at\":\"2026-11-23T10:00:00Z\"|\"at\":\"2026-11-23 10:00\"",
            "\"detail\":\"held until 07:00\"|\"detail\":null",
            "\"step\":\"shipped\",|",
            "\"decision\":{|\"decision\":{\"phone\":\"+15550100999\",",
    })
    void aBrokenDetail_isRefused(String edit) {
        String detail = EventBridgeDecisionPublisher.detail(entry(LedgerStatus.SENT, Purpose.MARKETING),
                MessageDecision.on(AT, MessageDecision.Kind.HELD, Channel.SMS, MessageDecision.Reason.QUIET_HOURS,
                        "held until 07:00"));
        assertThat(MessageSchemas.violations(MESSAGE_DECISION, detail)).isEmpty();
        String[] fromTo = edit.split("\\|", -1);
        assertThat(detail).contains(fromTo[0]);

        assertThat(MessageSchemas.violations(MESSAGE_DECISION, detail.replace(fromTo[0], fromTo[1]))).as(edit).isNotEmpty();
    }

    @Test
    void aMessageKeyThatIsNotTheLedgersHash_isRefused() {
        String detail = EventBridgeDecisionPublisher.detail(entry(LedgerStatus.SENT, Purpose.MARKETING),
                MessageDecision.overall(AT, MessageDecision.Kind.STOPPED, MessageDecision.Reason.EXPIRED, ""));
        String key = entry(LedgerStatus.SENT, Purpose.MARKETING).key().id();

        assertThat(MessageSchemas.violations(MESSAGE_DECISION, detail.replace(key, "order-1"))).isNotEmpty();
    }

    @Test
    void theSchemasNames_areTheCodesWireNames() {
        String decision = "/$defs/decision/properties/";
        assertThat(MessageSchemas.enumAt(MESSAGE_DECISION, decision + "kind"))
                .isEqualTo(wireNames(MessageDecision.Kind.values(), k -> k.name().toLowerCase(Locale.ROOT)));
        assertThat(MessageSchemas.enumAt(MESSAGE_DECISION, decision + "reason"))
                .isEqualTo(wireNames(MessageDecision.Reason.values(), MessageDecision.Reason::wireName));
        assertThat(MessageSchemas.enumAt(MESSAGE_DECISION, decision + "channel"))
                .isEqualTo(wireNames(Channel.values(), Channel::wireName));
        assertThat(MessageSchemas.enumAt(MESSAGE_DECISION, "/properties/status"))
                .isEqualTo(wireNames(LedgerStatus.values(), LedgerStatus::wireName));
        assertThat(MessageSchemas.enumAt(MESSAGE_DECISION, "/properties/purpose"))
                .isEqualTo(wireNames(Purpose.OF_MESSAGES.toArray(Purpose[]::new), Purpose::wireName));
    }

    private static <E> Set<String> wireNames(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).collect(Collectors.toCollection(TreeSet::new));
    }
}
