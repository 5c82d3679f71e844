package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static dev.winback.core.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random event sequences over journeys sharing a priority group and others: the group holds one
 * journey at a time, a message key goes out once per run entry and step however the calls are
 * retried and events redelivered, and a run ended by an exit event sends nothing more.
 */
class JourneyEnginePropertiesTest {

    private static final int SEQUENCES = 300;
    private static final int OPERATIONS = 40;
    private static final ProductCatalog CATALOG = ProductCatalog.of(1, List.of(
            new Product("heads", "dental", Optional.of(Duration.ofDays(20)), List.of("floss"), "low"),
            new Product("food", "pets", Optional.of(Duration.ofDays(10)), List.of("toys"), "mid")));
    private static final ActiveJourneys JOURNEYS = ActiveJourneys.of(List.of(
            Def.of("browse", on("session_started"), send("nudge", "browse-nudge", "rest"),
                            pause("rest", Duration.ofDays(3), "again"), send("again", "browse-again", "end"), done("end"))
                    .group("offers", 1).exitOn(match("purchase_completed")).build(),
            Def.of("cart", new Trigger.OnEvent(match("order_status_changed", when("event.status", Operator.EQ, "created")),
                            Optional.of("event.orderId"), false, List.of()),
                    send("remind", "cart-remind", "paid"),
                    new Step.WaitForEvent("paid", match("order_status_changed",
                            when("event.orderId", Operator.EQ, "$context.orderId"), when("event.status", Operator.EQ, "paid")),
                            Duration.ofDays(2), "end", "last"),
                    send("last", "cart-last", "end"), done("end"))
                    .group("offers", 3).reentry(Reentry.RESTART)
                    .exitOn(match("order_status_changed", when("event.orderId", Operator.EQ, "$context.orderId"),
                            when("event.status", Operator.EQ, "cancelled"))).build(),
            Def.of("vip", on("purchase_completed", when("event.amount", Operator.GTE, "20")),
                            send("welcome", "vip-welcome", "rest"), pause("rest", Duration.ofDays(1), "perk"),
                            send("perk", "vip-perk", "end"), done("end"))
                    .group("offers", 5).reentry(new Reentry(Reentry.Kind.AFTER_COOLDOWN, Duration.ofDays(7))).build(),
            Def.of("member", on("membership_changed"), new Step.WaitUntil("morning", LocalTime.of(9, 0), Duration.ZERO, "hi"),
                            send("hi", "member-hi", "end"), done("end"))
                    .group("offers", 2).reentry(Reentry.ONCE).build(),
            Def.of("replenish", new Trigger.OnEvent(EventMatch.of("purchase_completed"), Optional.of("event.productLine"),
                            true, List.of()),
                    new Step.Wait("rhythm", Duration.ofDays(15), Optional.of("repurchaseDays"), "remind"),
                    new Step.Send("remind", "replenish", List.of(), Map.of("offer", "$context.complement"), "end"),
                    done("end")).reentry(Reentry.RESTART)
                    .exitOn(match("session_started", when("event.platform", Operator.EQ, "web"))).build(),
            Def.of("thanks", onKeyed("purchase_completed", "event.orderId"), send("thank", "thanks", "later"),
                    new Step.WaitUntil("later", LocalTime.of(10, 0), Duration.ofDays(1), "review"),
                    send("review", "review-ask", "end"), done("end")).build()), CATALOG);
    private static final JourneyEngine ENGINE = new JourneyEngine(JOURNEYS, POLICY);
    private static final Set<String> REASONS = new HashSet<>();
    private static final EngagementRecord RECORD = withBought(withProfile("Europe/Paris", "--06-15"), "dental");

    /** One call of the sequence: events to hand over (empty for a plain advance) at an instant. */
    private record Call(Instant now, List<EngagementEvent> events, boolean advance, List<EngagementEvent> redelivered,
                        boolean retried) {
    }

    @Test
    void randomSequencesKeepTheEnginesPromises() {
        for (int seed = 0; seed < SEQUENCES; seed++) {
            List<Call> calls = sequence(new Random(seed));
            Set<MessageKey> clean = run(calls, false, seed);
            Set<MessageKey> noisy = run(calls, true, seed);
            assertEquals(clean, noisy, "seed " + seed);
        }
        // The sequences must reach what the properties are about, or they prove nothing.
        assertTrue(REASONS.containsAll(Set.of("exit_event", "outranked", "restarted", "stale", "already_in", "done")),
                REASONS.toString());
    }

    /** Plays the calls; with noise, redelivers events and repeats calls on the same input state. */
    private static Set<MessageKey> run(List<Call> calls, boolean noise, int seed) {
        CustomerJourneys state = empty();
        Set<MessageKey> sent = new LinkedHashSet<>();
        Set<String> endedByEvent = new HashSet<>();
        for (Call call : calls) {
            List<EngagementEvent> events = new ArrayList<>(call.events());
            if (noise) events.addAll(call.redelivered());
            JourneyEngine.Outcome outcome = call(state, call, events);
            if (noise && call.retried()) {
                JourneyEngine.Outcome retry = call(state, call, events);
                assertEquals(outcome, retry, "seed " + seed + ": a retry decides the same");
                outcome = retry;
            }
            for (DeliveryRequest send : outcome.sends()) {
                String runEntry = send.step().substring(0, send.step().indexOf('/')) + "|" + send.slot();
                if (endedByEvent.contains(runEntry)) fail("seed " + seed + ": " + runEntry + " sent after its exit event");
                if (!sent.add(send.key()) && (!noise || !call.retried())) {
                    fail("seed " + seed + ": " + send.step() + " " + send.slot() + " sent twice");
                }
            }
            Map<String, Integer> entries = new HashMap<>();
            state.runs().forEach(run -> entries.put(run.runKey(), run.entry()));
            for (JourneyTransition transition : outcome.transitions()) {
                if (transition instanceof JourneyTransition.Exited exited) REASONS.add(exited.reason());
                if (transition instanceof JourneyTransition.NotEntered refused) REASONS.add(refused.reason());
                if (transition instanceof JourneyTransition.Entered entered) {
                    entries.put(JourneyHistory.runKey(entered.journeyId(), entered.key()), entered.entry());
                }
                if (transition instanceof JourneyTransition.Exited exited && exited.reason().equals("exit_event")) {
                    int entry = entries.get(JourneyHistory.runKey(exited.journeyId(), exited.key()));
                    endedByEvent.add(exited.journeyId() + "|" + exited.key() + "#" + entry);
                    outcome.next().run(exited.journeyId(), exited.key())
                            .ifPresent(run -> assertTrue(run.entry() > entry, "seed " + seed + ": run left after its exit"));
                }
            }
            state = outcome.next();
            assertOneJourneyPerGroup(state, seed);
            JourneyEngine.Outcome again = ENGINE.advance(state, RECORD, call.now());
            assertFalse(again.changed(), "seed " + seed + ": advancing again at the same instant changed the state");
            assertTrue(again.sends().isEmpty(), "seed " + seed);
        }
        return sent;
    }

    private static JourneyEngine.Outcome call(CustomerJourneys state, Call call, List<EngagementEvent> events) {
        return call.advance() ? ENGINE.advance(state, RECORD, call.now())
                : ENGINE.onEvents(state, RECORD, events, call.now());
    }

    private static void assertOneJourneyPerGroup(CustomerJourneys state, int seed) {
        Map<String, String> journeyByGroup = new HashMap<>();
        for (JourneyRun run : state.runs()) {
            JourneyDefinition definition = JOURNEYS.get(run.journeyId()).orElseThrow();
            definition.priorityGroup().ifPresent(group -> {
                String other = journeyByGroup.putIfAbsent(group, run.journeyId());
                if (other != null && !other.equals(run.journeyId())) {
                    fail("seed " + seed + ": " + other + " and " + run.journeyId() + " both run in " + group);
                }
            });
        }
    }

    private static List<Call> sequence(Random random) {
        List<Call> calls = new ArrayList<>();
        List<EngagementEvent> delivered = new ArrayList<>();
        Instant now = T0;
        int ids = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            if (random.nextInt(4) == 0) {
                calls.add(new Call(now, List.of(), true, List.of(), random.nextInt(3) == 0));
                continue;
            }
            List<EngagementEvent> events = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int j = 0; j < count; j++) {
                Instant at = now.minus(Duration.ofMinutes(random.nextInt(2 * 24 * 60)));
                events.add(event(random, String.format("e%03d", ids++), at));
            }
            List<EngagementEvent> redelivered = new ArrayList<>();
            int recent = Math.min(delivered.size(), 20);
            for (int j = 0; j < recent && random.nextInt(4) == 0; j++) {
                redelivered.add(delivered.get(delivered.size() - 1 - random.nextInt(recent)));
            }
            if (random.nextBoolean()) redelivered.add(events.get(random.nextInt(events.size())));
            delivered.addAll(events);
            calls.add(new Call(now, events, false, redelivered, random.nextInt(3) == 0));
        }
        return calls;
    }

    private static EngagementEvent event(Random random, String id, Instant at) {
        String order = "o" + random.nextInt(4);
        return switch (random.nextInt(6)) {
            case 0 -> session(id, at);
            case 1 -> new EngagementEvent(id, CUSTOMER, at, Optional.of(dev.winback.core.event.Platform.WEB),
                    new EventPayload.SessionStarted(dev.winback.core.event.Platform.WEB));
            case 2 -> purchase(id, at, order, random.nextBoolean() ? item("heads", "dental") : item("x", "pets"),
                    item("kite", "toys"));
            case 3 -> new EngagementEvent(id, CUSTOMER, at, Optional.empty(),
                    new EventPayload.MembershipChanged("gold", MembershipStatus.STARTED));
            default -> orderStatus(id, at, order, List.of("created", "paid", "cancelled").get(random.nextInt(3)));
        };
    }
}
