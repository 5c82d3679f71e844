package dev.winback.core.sunset;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of every channel's sunset over random histories (seeded, so a failure replays). */
class SunsetPropertiesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int CASES = 300;

    private record Case(CustomerHistory history, SunsetState current, Instant now) {
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"EMAIL", "PUSH", "SMS"})
    void evaluate_withADeadline_changesNothingUntilItAndTheDueActionAtIt(Channel channel) {
        SunsetPolicy policy = SunsetPolicies.defaults().forChannel(channel).orElseThrow();
        Random random = new Random(channel.ordinal());
        Map<SunsetAction, Integer> deadlinesReached = new EnumMap<>(SunsetAction.class);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random, channel, policy);
            ChannelState state = c.history().channel(channel);
            SunsetDecision decision = policy.evaluate(state, c.current(), c.now());
            if (decision.deadline().isEmpty()) continue;
            Deadline deadline = decision.deadline().get();
            deadlinesReached.merge(deadline.due(), 1, Integer::sum);

            SunsetDecision justBefore = policy.evaluate(state, decision.next(), deadline.at().minus(SECOND));
            SunsetDecision at = policy.evaluate(state, decision.next(), deadline.at());

            assertThat(justBefore.action()).as("case %d: %s", i, c).isEmpty();
            assertThat(justBefore.next()).as("case %d", i).isEqualTo(decision.next());
            assertThat(at.action()).as("case %d: %s", i, c).contains(deadline.due());
        }
        // Both kinds of deadline must be exercised, or the property says nothing.
        assertThat(deadlinesReached.getOrDefault(SunsetAction.SEND_LAST_CHANCE, 0)).isGreaterThan(CASES / 20);
        assertThat(deadlinesReached.getOrDefault(SunsetAction.ENTER_SUNSET, 0)).isGreaterThan(CASES / 20);
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"EMAIL", "PUSH", "SMS"})
    void evaluate_withoutADeadline_changesNothingAsTimePasses(Channel channel) {
        SunsetPolicy policy = SunsetPolicies.defaults().forChannel(channel).orElseThrow();
        Random random = new Random(100 + channel.ordinal());
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random, channel, policy);
            ChannelState state = c.history().channel(channel);
            SunsetDecision decision = policy.evaluate(state, c.current(), c.now());
            if (decision.deadline().isPresent()) continue;

            SunsetDecision muchLater = policy.evaluate(state, decision.next(), c.now().plus(Duration.ofDays(3650)));

            assertThat(muchLater.action()).as("case %d: %s", i, c).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"EMAIL", "PUSH", "SMS"})
    void evaluate_neverDependsOnOpens(Channel channel) {
        SunsetPolicy policy = SunsetPolicies.defaults().forChannel(channel).orElseThrow();
        Random random = new Random(200 + channel.ordinal());
        int withOpens = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random, channel, policy);
            ChannelState withThem = c.history().channel(channel);
            ChannelState withoutThem = c.history().without(CustomerHistory::isOpen).channel(channel);
            if (withThem.opens() > 0) withOpens++;

            assertThat(policy.evaluate(withThem, c.current(), c.now()))
                    .as("case %d", i).isEqualTo(policy.evaluate(withoutThem, c.current(), c.now()));
        }
        assertThat(withOpens).isGreaterThan(CASES / 2);
    }

    /**
     * A history of up to a year and a half ending at {@code now}: short ones leave deadlines in the
     * future, long ones reach them. No event lies after {@code now}, as in production.
     */
    private static Case randomCase(Random random, Channel channel, SunsetPolicy policy) {
        Instant now = START.plus(Duration.ofSeconds(random.nextLong(Duration.ofDays(200).toSeconds())));
        Duration span = Duration.ofDays(20 + random.nextInt(520));
        CustomerHistory history = CustomerHistory.of("c-" + random.nextInt(1000));
        if (random.nextInt(4) == 0) history.consent(channel, Purpose.MARKETING, true, instant(random, now, span));
        if (random.nextInt(8) == 0 && channel == Channel.EMAIL) history.emailStatus(EmailStatus.SUBSCRIBED, instant(random, now, span));
        int sends = random.nextInt(30);
        for (int i = 0; i < sends; i++) history.sent(channel, instant(random, now, span));
        int opens = random.nextInt(6);
        for (int i = 0; i < opens; i++) history.opened(channel, instant(random, now, span));
        if (random.nextInt(3) == 0) history.clicked(channel, instant(random, now, span));
        if (random.nextInt(5) == 0) history.converted(channel, instant(random, now, span));
        // Half the time the last chance is recent enough for its grace to be still running.
        Instant began = instant(random, now, random.nextBoolean() ? span : policy.lastChanceGrace().multipliedBy(2));
        SunsetState current = switch (random.nextInt(3)) {
            case 0 -> SunsetState.ACTIVE;
            case 1 -> new SunsetState.LastChance(began);
            default -> new SunsetState.Sunset(began, began.plus(policy.lastChanceGrace()));
        };
        return new Case(history, current, now);
    }

    private static Instant instant(Random random, Instant now, Duration span) {
        return now.minus(Duration.ofSeconds(random.nextLong(span.toSeconds())));
    }
}
