package dev.winback.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClosedLoopTest {

    static final Instant AT = Instant.parse("2026-08-01T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    final TrueEffects truth = new TrueEffects(Map.of("works", new TrueEffects.Truth(0.2, 0.3)));

    @Test
    void sentMessagesBringCustomersBackWithBasePlusEffect_withheldOnesWithTheBase_withinTheWindow() throws Exception {
        ClosedLoop loop = new ClosedLoop(truth, 7, AT.plus(Duration.ofDays(30)));
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            loop.publish(entry("c-" + i, "works", Purpose.MARKETING), List.of(i % 2 == 0 ? sent(AT) : heldOut(AT)));
        }
        ClosedLoop.Tally tally = loop.tallies().get("works");
        assertThat(tally.treated()).isEqualTo(n / 2);
        assertThat(tally.heldOut()).isEqualTo(n / 2);
        assertThat(tally.treatedReturned() / (double) tally.treated()).isCloseTo(0.5, within(0.02));
        assertThat(tally.heldOutReturned() / (double) tally.heldOut()).isCloseTo(0.2, within(0.02));
        assertThat(tally.messages()).isEqualTo(n / 2);

        List<String> returns = loop.takeUntil(AT.plus(Duration.ofDays(15)));
        assertThat(returns).hasSize((int) (tally.treatedReturned() + tally.heldOutReturned()));
        for (String event : returns) {
            JsonNode node = JSON.readTree(event);
            Instant back = Instant.parse(node.path("occurredAt").asText());
            assertThat(back).isAfter(AT).isBefore(AT.plus(Duration.ofDays(14)));
            assertThat(node.path("type").asText()).isEqualTo("session_started");
        }
        assertThat(loop.next()).isEmpty();
    }

    @Test
    void aSecondMessageWithinTheWindowDrawsNothingMore_oneAfterItDrawsAgain() {
        ClosedLoop loop = new ClosedLoop(truth, 7, AT.plus(Duration.ofDays(60)));
        LedgerEntry entry = entry("c-1", "works", Purpose.MARKETING);
        loop.publish(entry, List.of(sent(AT)));
        loop.publish(entry, List.of(sent(AT.plus(Duration.ofDays(7)))));
        assertThat(loop.tallies().get("works").treated()).isEqualTo(1);
        assertThat(loop.tallies().get("works").messages()).isEqualTo(2);
        loop.publish(entry, List.of(sent(AT.plus(Duration.ofDays(22)))));
        assertThat(loop.tallies().get("works").treated()).isEqualTo(2);
    }

    @Test
    void unknownUnits_transactionalMessages_otherDecisions_andExposuresAfterTheHorizon_drawNothing() {
        ClosedLoop loop = new ClosedLoop(truth, 7, AT);
        loop.publish(entry("c-1", "unknown", Purpose.MARKETING), List.of(sent(AT)));
        loop.publish(entry("c-2", "works", Purpose.TRANSACTIONAL), List.of(sent(AT)));
        loop.publish(entry("c-3", "works", Purpose.MARKETING), List.of(
                MessageDecision.on(AT, MessageDecision.Kind.SKIPPED, Channel.EMAIL, MessageDecision.Reason.NO_CONSENT, "")));
        loop.publish(entry("c-4", "works", Purpose.MARKETING), List.of(sent(AT.plusSeconds(1))));
        assertThat(loop.tallies().getOrDefault("works", new ClosedLoop.Tally()).treated()).isZero();
        assertThat(loop.next()).isEmpty();
    }

    @Test
    void theDrawsDependOnTheDecisionsNotOnTheOrderTheyArriveIn() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 500; i++) order.add(i);
        List<String> first = returnsFor(order);
        Collections.shuffle(order, new java.util.Random(3));
        assertThat(returnsFor(order)).isEqualTo(first).isNotEmpty();
    }

    private List<String> returnsFor(List<Integer> customers) {
        ClosedLoop loop = new ClosedLoop(truth, 11, AT.plus(Duration.ofDays(30)));
        customers.forEach(i -> loop.publish(entry("c-" + i, "works", Purpose.MARKETING), List.of(sent(AT))));
        return loop.takeUntil(AT.plus(Duration.ofDays(30)));
    }

    static LedgerEntry entry(String customerId, String unit, Purpose purpose) {
        return LedgerEntry.open(new DeliveryRequest(customerId, unit, unit, "s1", purpose, MessageCategory.REMINDERS,
                List.of(Channel.EMAIL), AT, AT.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of(), unit), AT);
    }

    static MessageDecision sent(Instant at) {
        return MessageDecision.on(at, MessageDecision.Kind.SENT, Channel.EMAIL, MessageDecision.Reason.ACCEPTED, "");
    }

    static MessageDecision heldOut(Instant at) {
        return MessageDecision.overall(at, MessageDecision.Kind.STOPPED, MessageDecision.Reason.HELD_OUT,
                "holdout of works");
    }
}
