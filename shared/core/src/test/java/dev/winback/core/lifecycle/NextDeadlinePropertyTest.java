package dev.winback.core.lifecycle;

import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.RiskState;
import dev.winback.core.signal.CustomerEvents;
import dev.winback.core.signal.Signal;
import dev.winback.core.signal.SignalDetector;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deadline a timer is armed with must be exact: nothing visible changes before it, something
 * does at it. Checked on random customers, following each one's deadlines a few steps down the table.
 */
class NextDeadlinePropertyTest {

    private static final int CUSTOMERS = 300;
    private static final int STEPS = 6;

    /** What a timer must notice: state, its start, and each signal by type, subject, strength and start. */
    private record View(RiskState state, Instant since, List<Mark> signals) {
    }

    private record Mark(SignalType type, String subject, Strength strength, Instant since) {
    }

    private static View view(EngagementRecord record, Instant at) {
        List<Signal> signals = SignalDetector.detect(record, at, RiskLifecycleTest.POLICY.signals(), RiskLifecycleTest.MODEL);
        RiskAssessment assessment = RiskLifecycle.assess(record, signals, at, RiskLifecycleTest.POLICY, RiskLifecycleTest.MODEL);
        return new View(assessment.state(), assessment.since(),
                signals.stream().map(s -> new Mark(s.type(), s.subject(), s.strength(), s.since())).toList());
    }

    @Test
    void nextDeadline_isTheFirstInstantAtWhichStateOrSignalsChange_forCustomersShapedLikeRealOnes() {
        RandomCustomers customers = new RandomCustomers(20_261_123L);
        Set<String> crossings = new TreeSet<>();
        int deadlines = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            CustomerEvents events = customers.next("c" + i);
            deadlines += followDeadlines("c" + i, events.record(), customers.evaluationAfter(events), customers.random(),
                    crossings);
        }

        assertThat(deadlines).as("deadlines checked").isGreaterThan(CUSTOMERS);
        // The random customers must cross every kind of threshold, or the property proves little.
        assertThat(crossings).contains("state ACTIVE", "state COOLING", "state AT_RISK", "state LAPSED",
                "state DORMANT", "starts lapsed", "starts platform_migration", "ends platform_migration",
                "starts purchase_lapse", "ends messages_ignored", "ends ignores_every_channel");
    }

    @Test
    void nextDeadline_isTheFirstInstantAtWhichStateOrSignalsChange_forEventsOfEveryType() {
        RandomEvents random = new RandomEvents(42, day(0), Duration.ofDays(300));
        Random instants = new Random(43);
        Set<String> crossings = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            String id = "r" + i;
            List<EngagementEvent> events = random.forCustomer(id, 20 + instants.nextInt(60));
            EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty(id), events, Map.of()).record();
            Instant last = events.stream().map(EngagementEvent::occurredAt).max(Instant::compareTo).orElseThrow();
            followDeadlines(id, record, last.plusSeconds(instants.nextInt(200 * 86_400)), instants, crossings);
        }

        assertThat(crossings).contains("state LAPSED", "starts lapsed");
    }

    /** Checks each deadline from {@code now} on, a few steps; returns how many deadlines it checked. */
    private static int followDeadlines(String id, EngagementRecord record, Instant start, Random random, Set<String> crossings) {
        Instant now = start;
        for (int step = 0; step < STEPS; step++) {
            View current = view(record, now);
            Optional<Deadline> deadline = RiskLifecycleTest.assess(record, now).nextDeadline();
            if (deadline.isEmpty()) {
                for (long years : new long[] {1, 5, 40}) {
                    assertThat(view(record, now.plus(Duration.ofDays(365 * years))))
                            .as("%s: no deadline after %s, yet something changes within %d years", id, now, years)
                            .isEqualTo(current);
                }
                return step;
            }
            Instant at = deadline.get().at();
            assertThat(at).as("%s: deadline after %s", id, now).isAfter(now);
            long seconds = Duration.between(now, at).toSeconds();
            for (int k = 0; k < 3; k++) {
                Instant between = now.plusSeconds((long) (random.nextDouble() * seconds));
                assertThat(view(record, between)).as("%s: at %s, before the deadline %s from %s", id, between, at, now)
                        .isEqualTo(current);
            }
            Instant justBefore = at.minusSeconds(1);
            if (!justBefore.isBefore(now)) {
                assertThat(view(record, justBefore)).as("%s: a second before the deadline %s", id, at).isEqualTo(current);
            }
            View then = view(record, at);
            assertThat(then).as("%s: at the deadline %s (%s)", id, at, deadline.get().reason()).isNotEqualTo(current);
            note(current, then, crossings);
            now = at;
        }
        return STEPS;
    }

    private static void note(View before, View after, Set<String> crossings) {
        if (before.state() != after.state()) crossings.add("state " + after.state());
        else if (!before.since().equals(after.since())) crossings.add("since " + after.state());
        after.signals().stream().filter(m -> !before.signals().contains(m))
                .forEach(m -> crossings.add("starts " + m.type().wireName()));
        before.signals().stream().filter(m -> !after.signals().contains(m))
                .forEach(m -> crossings.add("ends " + m.type().wireName()));
    }

    @Test
    void score_neverFallsWithoutNewEvents() {
        RandomCustomers customers = new RandomCustomers(7_777L);
        for (int i = 0; i < 150; i++) {
            CustomerEvents events = customers.next("s" + i);
            EngagementRecord record = events.record();
            Instant now = events.lastEvent();
            double previous = -1;
            for (int k = 0; k < 12; k++) {
                now = now.plusSeconds(customers.random().nextInt(60 * 86_400));
                double score = RiskLifecycleTest.assess(record, now).score();
                assertThat(score).as("s%d at %s", i, now).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous - 1e-12);
                previous = score;
            }
        }
    }
}
