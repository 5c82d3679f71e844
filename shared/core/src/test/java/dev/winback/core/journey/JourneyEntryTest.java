package dev.winback.core.journey;

import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.winback.core.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-entry, priority groups, stale and redelivered triggers. */
class JourneyEntryTest {

    private final EngagementRecord record = record();

    private static Def visits(Reentry reentry) {
        return Def.of("visit", on("session_started"), send("hi", "hi", "rest"),
                pause("rest", Duration.ofDays(5), "end"), done("end")).reentry(reentry);
    }

    private JourneyEngine.Outcome visit(JourneyEngine engine, CustomerJourneys state, String id, int day) {
        return engine.onEvents(state, record, List.of(session(id, days(day))), days(day));
    }

    @Test
    void onceNeverEntersAgain() {
        JourneyEngine engine = engine(visits(Reentry.ONCE));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        assertEquals(List.of("visit:once"), refusals(visit(engine, state, "e2", 1)));
        CustomerJourneys ended = engine.advance(state, record, days(5)).next();
        assertEquals(List.of("visit:once"), refusals(visit(engine, ended, "e3", 6)));
    }

    @Test
    void afterExitEntersOnlyOnceTheRunEnded() {
        JourneyEngine engine = engine(visits(Reentry.AFTER_EXIT));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        assertEquals(List.of("visit:already_in"), refusals(visit(engine, state, "e2", 1)));
        CustomerJourneys ended = engine.advance(state, record, days(5)).next();
        JourneyEngine.Outcome again = visit(engine, ended, "e3", 6);
        assertTrue(refusals(again).isEmpty());
        assertEquals("customer@e3", again.sends().getFirst().slot());
        assertEquals(2, again.next().history().get("visit|customer").entries());
        assertTrue(again.next().history().get("visit|customer").lastExit().isEmpty());
    }

    @Test
    void afterCooldownWaitsTheCooldownFromTheLastEntry() {
        JourneyEngine engine = engine(visits(new Reentry(Reentry.Kind.AFTER_COOLDOWN, Duration.ofDays(10))));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        assertEquals(List.of("visit:already_in"), refusals(visit(engine, state, "e2", 1)));
        CustomerJourneys ended = engine.advance(state, record, days(5)).next();
        assertEquals(List.of("visit:cooldown"), refusals(visit(engine, ended, "e3", 9)));
        assertEquals(List.of("hi"), campaigns(visit(engine, ended, "e4", 10)));
    }

    @Test
    void restartEndsTheRunningRunAndStartsAfresh() {
        JourneyEngine engine = engine(visits(Reentry.RESTART));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        JourneyEngine.Outcome restarted = visit(engine, state, "e2", 1);
        assertEquals(List.of("visit:restarted"), exits(restarted));
        assertEquals("customer@e2", restarted.sends().getFirst().slot());
        assertEquals(java.util.Optional.of(days(6)), restarted.next().runs().getFirst().dueAt());
    }

    @Test
    void anOlderTriggerThanTheLastOneIsStale() {
        JourneyEngine engine = engine(visits(Reentry.RESTART));
        CustomerJourneys state = visit(engine, empty(), "e1", 3).next();
        JourneyEngine.Outcome late = engine.onEvents(state, record, List.of(session("e0", days(1))), days(4));
        assertEquals(List.of("visit:stale"), refusals(late));
        assertTrue(late.sends().isEmpty());
        assertEquals(state.runs(), late.next().runs());
    }

    @Test
    void aRedeliveredEventIsIgnored() {
        JourneyEngine engine = engine(visits(Reentry.RESTART));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        assertEquals(List.of("e1"), state.seenEvents());
        JourneyEngine.Outcome again = visit(engine, state, "e1", 0);
        assertFalse(again.changed());
        assertTrue(again.transitions().isEmpty());
        JourneyEngine.Outcome twiceInOneBatch = engine.onEvents(empty(), record,
                List.of(session("e1", T0), session("e1", T0)), T0);
        assertEquals(1, twiceInOneBatch.sends().size());
    }

    @Test
    void seenEventsKeepTheNewest() {
        JourneyEngine engine = engine(visits(Reentry.AFTER_EXIT));
        CustomerJourneys state = empty();
        for (int i = 0; i < CustomerJourneys.SEEN_EVENTS + 5; i++) {
            state = engine.onEvents(state, record, List.of(session(String.format("e%03d", i), T0.plusSeconds(i))),
                    T0.plusSeconds(i)).next();
        }
        assertEquals(CustomerJourneys.SEEN_EVENTS, state.seenEvents().size());
        assertEquals("e005", state.seenEvents().getFirst());
        assertEquals(String.format("e%03d", CustomerJourneys.SEEN_EVENTS + 4), state.seenEvents().getLast());
    }

    private static Def ranked(String id, String trigger, int priority) {
        return Def.of(id, on(trigger), send("go", id, "rest"), pause("rest", Duration.ofDays(10), "end"), done("end"))
                .group("offers", priority);
    }

    @Test
    void aHigherPriorityJourneyOutranksALowerRun() {
        JourneyEngine engine = engine(ranked("low", "session_started", 1), ranked("high", "purchase_completed", 5));
        CustomerJourneys state = visit(engine, empty(), "e1", 0).next();
        JourneyEngine.Outcome outcome = engine.onEvents(state, record, List.of(purchase("e2", days(1), "o1")), days(1));
        assertEquals(List.of("low:outranked"), exits(outcome));
        assertEquals(List.of("high"), outcome.next().runs().stream().map(JourneyRun::journeyId).toList());
        assertEquals(List.of("high"), campaigns(outcome));
    }

    @Test
    void aLowerPriorityJourneyIsOutrankedByARunningHigherOne() {
        JourneyEngine engine = engine(ranked("low", "session_started", 1), ranked("high", "purchase_completed", 5));
        CustomerJourneys state = engine.onEvents(empty(), record, List.of(purchase("e1", T0, "o1")), T0).next();
        JourneyEngine.Outcome outcome = visit(engine, state, "e2", 1);
        assertEquals(List.of("low:outranked"), refusals(outcome));
        assertTrue(exits(outcome).isEmpty());
        assertEquals(List.of("high"), outcome.next().runs().stream().map(JourneyRun::journeyId).toList());
        // Once the higher one ended, the lower one may enter.
        CustomerJourneys ended = engine.advance(state, record, days(10)).next();
        assertEquals(List.of("low"), campaigns(visit(engine, ended, "e3", 11)));
    }

    @Test
    void historyOfRunsEndedLongAgoIsForgotten() {
        JourneyEngine engine = engine(visits(Reentry.ONCE));
        CustomerJourneys ended = engine.advance(visit(engine, empty(), "e1", 0).next(), record, days(5)).next();
        assertTrue(engine.advance(ended, record, days(405)).next().history().containsKey("visit|customer"));
        assertTrue(engine.advance(ended, record, days(406)).next().history().isEmpty());
    }
}
