package dev.winback.core.cache;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A cached read is due before the first read, after its refresh has elapsed, and when expired; not when time went back. */
class RefreshTimerTest {

    private static final Duration EVERY = Duration.ofMinutes(1);

    private long nanos = 1_000;
    private final RefreshTimer timer = new RefreshTimer(EVERY, () -> nanos);

    @Test
    void dueBeforeTheFirstRead_thenOnceTheRefreshHasElapsed() {
        assertThat(timer.due()).isTrue();
        timer.readAt(timer.now());
        assertThat(timer.due()).isFalse();
        nanos += EVERY.toNanos() - 1;
        assertThat(timer.due()).isFalse();
        nanos += 1;
        assertThat(timer.due()).isTrue();
        timer.readAt(timer.now());
        assertThat(timer.due()).isFalse();
    }

    @Test
    void expired_isDueAtOnce_timeGoneBack_isNot() {
        timer.readAt(timer.now());
        timer.expire();
        assertThat(timer.due()).isTrue();
        timer.readAt(timer.now());
        nanos -= EVERY.toNanos();
        assertThat(timer.due()).as("an earlier firing's time: what was read since is fresh").isFalse();
    }

    @Test
    void aClockFollowed_countsItsOwnTime_toTheNanosecond() {
        Instant at = Instant.parse("2026-06-01T08:00:00.000000001Z");
        ElapsedTime following = ElapsedTime.following(Clock.fixed(at, ZoneOffset.UTC));
        ElapsedTime later = ElapsedTime.following(Clock.fixed(at.plus(EVERY), ZoneOffset.UTC));

        assertThat(later.nanos() - following.nanos()).isEqualTo(EVERY.toNanos());
        assertThat(following.nanos() % 1_000_000_000L).isEqualTo(1);
    }
}
