package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyStepsTest {

    private final EngagementRecord record = record();

    private static Def thanks() {
        return Def.of("thanks", onKeyed("purchase_completed", "event.orderId"),
                new Step.Send("say-thanks", "thank-you", List.of(Channel.EMAIL, Channel.PUSH),
                        Map.of("order", "$context.orderId", "tone", "warm", "gone", "$context.nothing"), "pause"),
                pause("pause", Duration.ofDays(3), "ask"),
                send("ask", "review-ask", "end"),
                done("end"));
    }

    @Test
    void aSendIsAMessageNamedByStepAndEntryAndWaitingHoldsTheRun() {
        JourneyEngine engine = engine(thanks());
        JourneyEngine.Outcome first = engine.onEvents(empty(), record, List.of(purchase("e1", hours(-1), "o1")), T0);

        DeliveryRequest request = first.sends().getFirst();
        assertEquals(List.of("thank-you"), campaigns(first));
        assertEquals("thanks/say-thanks", request.step());
        assertEquals("o1@e1", request.slot());
        assertEquals(List.of(Channel.EMAIL, Channel.PUSH), request.channels());
        assertEquals(Map.of("order", "o1", "tone", "warm", "journey", "thanks"), request.variables());
        assertEquals(T0.plus(POLICY.expiry()), request.expiresAt());
        assertEquals(MessageCategory.REMINDERS, request.category());
        assertEquals(first.sends(), first.next().unpublished());
        JourneyRun run = first.next().run("thanks", "o1").orElseThrow();
        assertEquals("pause", run.stepId());
        assertEquals(Optional.of(days(3)), run.dueAt());
        assertTrue(first.changed());

        JourneyEngine.Outcome early = engine.advance(first.next(), record, days(2));
        assertFalse(early.changed());
        assertTrue(early.sends().isEmpty());

        JourneyEngine.Outcome due = engine.advance(first.next(), record, days(3));
        assertEquals(List.of("review-ask"), campaigns(due));
        assertEquals(List.of("thanks:done"), exits(due));
        assertTrue(due.next().runs().isEmpty());
        assertEquals(Optional.of("done"), due.next().history().get("thanks|o1").lastExitReason());
        assertEquals(2, due.next().unpublished().size());
    }

    @Test
    void advancingTwiceAtTheSameInstantChangesNothing() {
        JourneyEngine engine = engine(thanks());
        JourneyEngine.Outcome first = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0);
        JourneyEngine.Outcome again = engine.advance(first.next(), record, T0);
        assertFalse(again.changed());
        assertEquals(first.next(), again.next());
        assertTrue(again.sends().isEmpty() && again.transitions().isEmpty());
    }

    @Test
    void publishedMessagesLeaveTheUnpublishedList() {
        JourneyEngine engine = engine(thanks());
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        CustomerJourneys published = JourneyEngine.withPublished(state,
                java.util.Set.of(state.unpublished().getFirst().key()));
        assertTrue(published.unpublished().isEmpty());
        assertEquals(state.runs(), published.runs());
    }

    @Test
    void aWaitTakesItsDurationFromTheContextWhenPositive() {
        Def def = Def.of("remind", onKeyed("purchase_completed", "event.orderId"),
                new Step.Wait("rhythm", Duration.ofDays(30), Optional.of("gap"), "nudge"),
                send("nudge", "nudge", "end"), done("end"));
        JourneyEngine engine = engine(def);
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        assertEquals(Optional.of(days(30)), state.run("remind", "o1").orElseThrow().dueAt());

        Def fromOrder = Def.of("remind", onKeyed("purchase_completed", "event.orderId"),
                new Step.Wait("rhythm", Duration.ofDays(30), Optional.of("orderId"), "nudge"),
                send("nudge", "nudge", "end"), done("end"));
        CustomerJourneys numeric = engine(fromOrder).onEvents(empty(), record, List.of(purchase("e1", T0, "12")), T0).next();
        assertEquals(Optional.of(days(12)), numeric.run("remind", "12").orElseThrow().dueAt());
        CustomerJourneys zero = engine(fromOrder).onEvents(empty(), record, List.of(purchase("e1", T0, "0")), T0).next();
        assertEquals(Optional.of(days(30)), zero.run("remind", "0").orElseThrow().dueAt());
    }

    @Test
    void aWaitUntilWaitsForTheCustomersLocalHour() {
        Def def = Def.of("morning", on("purchase_completed"),
                new Step.WaitUntil("nine", LocalTime.of(9, 0), Duration.ofHours(1), "hello"),
                send("hello", "hello", "end"), done("end"));
        EngagementRecord tokyo = withProfile("Asia/Tokyo", null);
        // 12:00Z is 21:00 in Tokyo: the next 09:00 there is 00:00Z the next day.
        CustomerJourneys state = engine(def).onEvents(empty(), tokyo, List.of(purchase("e1", T0, "o1")), T0).next();
        assertEquals(Optional.of(Instant.parse("2025-03-11T00:00:00Z")), state.runs().getFirst().dueAt());
        // With the minimum reaching past 09:00, the day after.
        Instant late = Instant.parse("2025-03-10T23:30:00Z");
        CustomerJourneys later = engine(def).onEvents(empty(), tokyo, List.of(purchase("e1", late, "o1")), late).next();
        assertEquals(Optional.of(Instant.parse("2025-03-12T00:00:00Z")), later.runs().getFirst().dueAt());
        JourneyEngine.Outcome due = engine(def).advance(state, tokyo, Instant.parse("2025-03-11T00:00:00Z"));
        assertEquals(List.of("hello"), campaigns(due));
    }

    private static Def reviewWait() {
        return Def.of("review", onKeyed("purchase_completed", "event.orderId"),
                new Step.WaitForEvent("delivered", match("order_status_changed",
                        when("event.orderId", Operator.EQ, "$context.orderId"),
                        when("event.status", Operator.EQ, "delivered")), Duration.ofDays(14), "ask", "sorry"),
                send("ask", "review-ask", "end"),
                send("sorry", "late-apology", "end"),
                done("end"));
    }

    @Test
    void aMatchingEventWakesAWaitForEvent() {
        JourneyEngine engine = engine(reviewWait());
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        assertEquals(Optional.of(days(14)), state.runs().getFirst().dueAt());

        JourneyEngine.Outcome other = engine.onEvents(state, record, List.of(orderStatus("e2", days(1), "o2", "delivered")), days(1));
        assertEquals("delivered", other.next().runs().getFirst().stepId());
        JourneyEngine.Outcome before = engine.onEvents(state, record, List.of(orderStatus("e3", hours(-1), "o1", "delivered")), days(1));
        assertEquals("delivered", before.next().runs().getFirst().stepId());

        JourneyEngine.Outcome woken = engine.onEvents(state, record, List.of(orderStatus("e4", days(2), "o1", "delivered")), days(2));
        assertEquals(List.of("review-ask"), campaigns(woken));
        assertTrue(woken.next().runs().isEmpty());
    }

    @Test
    void aWaitForEventTimesOut() {
        JourneyEngine engine = engine(reviewWait());
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        assertTrue(engine.advance(state, record, days(13)).sends().isEmpty());
        assertEquals(List.of("late-apology"), campaigns(engine.advance(state, record, days(14))));
    }

    @Test
    void aBranchReadsTheRecordAndTheContext() {
        Def def = Def.of("fork", on("purchase_completed"),
                new Step.Branch("big", List.of(when("context.amount", Operator.GTE, "20"),
                        when("record.orders", Operator.GTE, "1")), "vip", "plain"),
                send("vip", "vip", "end"), send("plain", "plain", "end"), done("end"));
        JourneyEngine engine = engine(def);
        List<dev.winback.core.event.EngagementEvent> order = List.of(purchase("e1", T0, "o1"));
        assertEquals(List.of("vip"), campaigns(engine.onEvents(empty(), withBought(record, "toys"), order, T0)));
        assertEquals(List.of("plain"), campaigns(engine.onEvents(empty(), record, order, T0)));
    }

    @Test
    void anExitStepEndsTheRunWithItsReason() {
        Def def = Def.of("short", on("purchase_completed"), new Step.Exit("stop", "not-needed"));
        JourneyEngine.Outcome outcome = engine(def).onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0);
        assertEquals(List.of("short:not-needed"), exits(outcome));
        assertEquals(Optional.of("not-needed"), outcome.next().history().get("short|customer").lastExitReason());
    }

    @Test
    void anExitEventEndsTheRunWhereverItIs() {
        Def def = reviewWait().exitOn(match("order_status_changed", when("event.orderId", Operator.EQ, "$context.orderId"),
                when("event.status", Operator.EQ, "returned")));
        JourneyEngine engine = engine(def);
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        JourneyEngine.Outcome returned = engine.onEvents(state, record,
                List.of(orderStatus("e2", days(1), "o1", "returned")), days(1));
        assertEquals(List.of("review:exit_event"), exits(returned));
        assertTrue(returned.next().runs().isEmpty());
        assertTrue(engine.advance(returned.next(), record, days(30)).sends().isEmpty());
        // An exit event dated before the trigger does not end it.
        JourneyEngine.Outcome older = engine.onEvents(state, record, List.of(orderStatus("e3", hours(-1), "o1", "returned")), days(1));
        assertEquals(1, older.next().runs().size());
    }

    @Test
    void mutingTheCategoryEndsTheRunWhenItNextMoves() {
        JourneyEngine engine = engine(thanks());
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        JourneyEngine.Outcome muted = engine.advance(state, muting(MessageCategory.REMINDERS), days(3));
        assertEquals(List.of("thanks:opted_out"), exits(muted));
        assertTrue(muted.sends().isEmpty());
    }

    @Test
    void aRetiredJourneyOrRemovedStepEndsTheRun() {
        CustomerJourneys state = engine(thanks()).onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        Def other = Def.of("other", on("session_started"), done("end"));
        assertEquals(List.of("thanks:journey_retired"), exits(engine(other).advance(state, record, days(3))));
        Def shorter = Def.of("thanks", onKeyed("purchase_completed", "event.orderId"), send("say-thanks", "thank-you", "end"),
                done("end"));
        assertEquals(List.of("thanks:step_removed"), exits(engine(shorter).advance(state, record, days(3))));
        // Not yet due: the run waits on, whatever the definition became.
        assertTrue(engine(other).advance(state, record, days(1)).transitions().isEmpty());
    }
}
