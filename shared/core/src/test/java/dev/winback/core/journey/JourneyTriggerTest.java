package dev.winback.core.journey;

import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-line-item triggers with catalog facts, and annual triggers at a local time. */
class JourneyTriggerTest {

    private static final ProductCatalog CATALOG = ProductCatalog.of(1, List.of(
            new Product("brush-heads", "dental", Optional.of(Duration.ofDays(90)), List.of("floss"), "low"),
            new Product("kite", "toys", Optional.empty(), List.of(), "mid")));

    private static Def replenish() {
        return Def.of("replenish", new Trigger.OnEvent(EventMatch.of("purchase_completed"),
                        Optional.of("event.productLine"), true, List.of(when("event.lifetimeDays", Operator.EXISTS))),
                new Step.Wait("rhythm", Duration.ofDays(60), Optional.of("repurchaseDays"), "remind"),
                new Step.Send("remind", "replenish", List.of(), Map.of("line", "$context.productLine",
                        "offer", "$context.complement"), "end"),
                done("end")).reentry(Reentry.RESTART);
    }

    @Test
    void eachLineItemEntersWithItsOwnFactsAndKey() {
        JourneyEngine engine = engine(CATALOG, replenish());
        JourneyEngine.Outcome outcome = engine.onEvents(empty(), withBought(record(), "dental", "toys"),
                List.of(purchase("e1", T0, "o1", item("brush-heads", "dental"), item("kite", "toys"),
                        item("other-heads", "dental"))), T0);
        // The kite has no lifetime; the second dental item is the same product line, taken once.
        assertEquals(List.of("replenish:conditions"), refusals(outcome));
        JourneyRun run = outcome.next().run("replenish", "brush-heads").orElseThrow();
        assertEquals(1, outcome.next().runs().size());
        assertEquals("dental", run.context().get("category"));
        assertEquals("90", run.context().get("lifetimeDays"));
        assertEquals("90", run.context().get("repurchaseDays"));
        assertEquals("floss", run.context().get("complement"));
        assertEquals("o1", run.context().get("orderId"));
        assertEquals(Optional.of(days(90)), run.dueAt());
    }

    @Test
    void theComplementIsAbsentWhenAlreadyBought() {
        JourneyEngine engine = engine(CATALOG, replenish());
        CustomerJourneys state = engine.onEvents(empty(), withBought(record(), "dental", "floss"),
                List.of(purchase("e1", T0, "o1", item("brush-heads", "dental"))), T0).next();
        JourneyRun run = state.runs().getFirst();
        assertFalse(run.context().containsKey("complement"));
        JourneyEngine.Outcome reminded = engine.advance(state, record(), days(90));
        assertEquals(Map.of("line", "brush-heads", "journey", "replenish"), reminded.sends().getFirst().variables());
    }

    @Test
    void repurchaseDaysComeFromTheCustomersOwnRhythm() {
        JourneyEngine engine = engine(CATALOG, replenish());
        CustomerJourneys first = engine.onEvents(empty(), record(),
                List.of(purchase("e1", T0, "o1", item("brush-heads", "dental"))), T0).next();
        JourneyEngine.Outcome again = engine.onEvents(first, record(),
                List.of(purchase("e2", days(45).plusSeconds(3600), "o2", item("brush-heads", "dental"))), days(46));
        assertEquals(List.of("replenish:restarted"), exits(again));
        JourneyRun run = again.next().runs().getFirst();
        assertEquals("45", run.context().get("repurchaseDays"));
        assertEquals(2, run.entry());
        assertEquals(Optional.of(days(46).plus(Duration.ofDays(45))), run.dueAt());
        // Less than a day after the last trigger: the lifetime again.
        JourneyEngine.Outcome sameDay = engine.onEvents(first, record(),
                List.of(purchase("e3", hours(5), "o3", item("brush-heads", "dental"))), hours(5));
        assertEquals("90", sameDay.next().runs().getFirst().context().get("repurchaseDays"));
    }

    @Test
    void anOlderPurchaseArrivingLateDoesNotRestartTheReminder() {
        JourneyEngine engine = engine(CATALOG, replenish());
        CustomerJourneys state = engine.onEvents(empty(), record(),
                List.of(purchase("e2", days(30), "o2", item("brush-heads", "dental"))), days(30)).next();
        JourneyEngine.Outcome late = engine.onEvents(state, record(),
                List.of(purchase("e1", days(1), "o1", item("brush-heads", "dental"))), days(31));
        assertEquals(List.of("replenish:stale"), refusals(late));
        assertEquals(state.runs(), late.next().runs());
    }

    private static Def birthday() {
        return Def.of("birthday", new Trigger.Annual(Optional.empty(), LocalTime.of(9, 0), List.of()),
                send("wish", "birthday", "end"), done("end")).reentry(Reentry.ONCE);
    }

    @Test
    void aBirthdayArmsAndEntersAtTheLocalHourInTheCustomersZone() {
        JourneyEngine engine = engine(birthday());
        EngagementRecord record = withProfile("America/New_York", "1990-07-04");
        JourneyEngine.Outcome armed = engine.onEvents(empty(), record, List.of(birthdaySet("e1", T0, "1990-07-04")), T0);
        Instant nine = Instant.parse("2025-07-04T13:00:00Z"); // 09:00 EDT
        assertEquals(Map.of("birthday", nine), armed.next().annual());
        assertEquals(Optional.of(nine), armed.next().nextDue());

        assertTrue(engine.advance(armed.next(), record, nine.minusSeconds(1)).sends().isEmpty());
        JourneyEngine.Outcome wished = engine.advance(armed.next(), record, nine.plusSeconds(30));
        assertEquals(List.of("birthday"), campaigns(wished));
        assertEquals("2025#1@" + nine.getEpochSecond(), wished.sends().getFirst().slot());
        assertEquals(Map.of("birthday", Instant.parse("2026-07-04T13:00:00Z")), wished.next().annual());
        JourneyEngine.Outcome again = engine.advance(wished.next(), record, nine.plusSeconds(30));
        assertFalse(again.changed());
    }

    @Test
    void aBirthdayWithoutYearAndOnFebruary29() {
        JourneyEngine engine = engine(birthday());
        EngagementRecord noYear = withProfile("Asia/Tokyo", "--12-01");
        assertEquals(Map.of("birthday", Instant.parse("2025-12-01T00:00:00Z")),
                engine.onEvents(empty(), noYear, List.of(birthdaySet("e1", T0, "--12-01")), T0).next().annual());
        EngagementRecord leap = withProfile("Europe/Berlin", "2000-02-29");
        Instant after = Instant.parse("2025-03-01T00:00:00Z");
        CustomerJourneys state = engine.onEvents(empty(), leap, List.of(birthdaySet("e1", after, "2000-02-29")), after).next();
        assertEquals(Instant.parse("2026-02-28T08:00:00Z"), state.annual().get("birthday"));
        CustomerJourneys wished = engine.advance(state, leap, Instant.parse("2026-02-28T08:00:00Z")).next();
        assertEquals(Instant.parse("2027-02-28T08:00:00Z"), wished.annual().get("birthday"));
        CustomerJourneys leapYear = engine.advance(wished, leap, Instant.parse("2027-02-28T08:00:00Z")).next();
        assertEquals(Instant.parse("2028-02-29T08:00:00Z"), leapYear.annual().get("birthday"));
    }

    /** The event contract takes a birthday without a year as MM-DD: that arms the journey too. */
    @Test
    void aBirthdayWithoutYearAsTheEventContractWritesIt() {
        JourneyEngine engine = engine(birthday());
        EngagementRecord record = withProfile("America/New_York", "07-04");
        JourneyEngine.Outcome armed = engine.onEvents(empty(), record, List.of(birthdaySet("e1", T0, "07-04")), T0);
        assertEquals(Map.of("birthday", Instant.parse("2025-07-04T13:00:00Z")), armed.next().annual());
        assertEquals(Optional.of(MonthDay.of(2, 29)), LocalTimes.birthday("02-29"));
        assertEquals(Optional.empty(), LocalTimes.birthday("13-01"));
    }

    @Test
    void aFixedDateIsArmedTheFirstTimeTheCustomerIsLookedAt() {
        Def newYear = Def.of("new-year", new Trigger.Annual(Optional.of(MonthDay.of(1, 1)), LocalTime.of(10, 0),
                List.of(when("record.orders", Operator.GTE, "1"))), send("greet", "greet", "end"), done("end"));
        JourneyEngine engine = engine(newYear);
        JourneyEngine.Outcome touched = engine.advance(empty(), record(), T0);
        assertTrue(touched.changed());
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        assertEquals(Map.of("new-year", at), touched.next().annual());
        JourneyEngine.Outcome noOrders = engine.advance(touched.next(), record(), at);
        assertEquals(List.of("new-year:conditions"), refusals(noOrders));
        assertEquals(Instant.parse("2027-01-01T10:00:00Z"), noOrders.next().annual().get("new-year"));
        JourneyEngine.Outcome customer = engine.advance(touched.next(), withBought(record(), "toys"), at);
        assertEquals(List.of("greet"), campaigns(customer));
    }
}
