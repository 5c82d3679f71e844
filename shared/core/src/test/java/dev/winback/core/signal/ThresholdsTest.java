package dev.winback.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Platform;
import dev.winback.core.record.PlatformActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static final UsualGap GAP = SignalPolicy.defaults().usualGap();
    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void quietThreshold_after_isTheLargerOfTheGapsAndTheFloor() {
        QuietThreshold fourGaps = new QuietThreshold(4, Duration.ofDays(14));

        assertThat(fourGaps.after(Duration.ofDays(6))).isEqualTo(Duration.ofDays(24));
        assertThat(fourGaps.after(Duration.ofDays(2))).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void quietThreshold_after_roundsUpToTheSecond() {
        QuietThreshold threeGaps = new QuietThreshold(3, Duration.ZERO);

        assertThat(threeGaps.after(Duration.ofMillis(1_000_100))).isEqualTo(Duration.ofSeconds(3001));
    }

    @Test
    void usualGap_withOneVisit_isAssumed() {
        assertThat(GAP.of(new PlatformActivity(T, T, 1))).isEqualTo(new UsualGap.Estimate(Duration.ofDays(7), 1, true));
    }

    @Test
    void usualGap_withFewVisitsCloseTogether_isFlooredAtTheAssumedGap() {
        PlatformActivity threeInAnHour = new PlatformActivity(T, T.plusSeconds(3600), 3);

        assertThat(GAP.of(threeInAnHour)).isEqualTo(new UsualGap.Estimate(Duration.ofDays(7), 3, true));
    }

    @Test
    void usualGap_withFewVisitsFarApart_isObserved() {
        PlatformActivity threeMonthly = new PlatformActivity(T, T.plus(Duration.ofDays(60)), 3);

        assertThat(GAP.of(threeMonthly)).isEqualTo(new UsualGap.Estimate(Duration.ofDays(30), 3, false));
    }

    @Test
    void usualGap_withEnoughVisits_isTheMeanGapClampedToItsBounds() {
        assertThat(GAP.of(new PlatformActivity(T, T.plus(Duration.ofDays(27)), 10)).gap()).isEqualTo(Duration.ofDays(3));
        assertThat(GAP.of(new PlatformActivity(T, T.plus(Duration.ofHours(20)), 50)).gap()).isEqualTo(Duration.ofDays(1));
        assertThat(GAP.of(new PlatformActivity(T, T.plus(Duration.ofDays(800)), 5)).gap()).isEqualTo(Duration.ofDays(45));
    }

    @Test
    void signalPolicy_refusesMoreIgnoredSendsThanTheRecordCounts() {
        SignalPolicy d = SignalPolicy.defaults();

        assertThatThrownBy(() -> new SignalPolicy(d.usualGap(), d.platformQuiet(), d.migrationRoutes(), d.migrationOverlap(),
                d.watchedChannels(), 17, d.everyChannel(), d.stillVisiting(), d.earlyPushOptOut(), d.purchaseRisk()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ignoredSends");
        assertThatThrownBy(() -> new SignalPolicy(d.usualGap(), d.platformQuiet(), d.migrationRoutes(), d.migrationOverlap(),
                d.watchedChannels(), 0, d.everyChannel(), d.stillVisiting(), d.earlyPushOptOut(), d.purchaseRisk()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_watchEveryCustomerFacingChannelAndTheBriefsMigrationRoutes() {
        SignalPolicy d = SignalPolicy.defaults();

        assertThat(d.watchedChannels()).isEqualTo(Set.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.IN_APP));
        assertThat(d.migrationRoutes()).containsExactly(new MigrationRoute(Platform.STORE, Platform.WEB),
                new MigrationRoute(Platform.STORE, Platform.APP), new MigrationRoute(Platform.WEB, Platform.APP));
        assertThat(List.of(d.ignoredSends(), d.everyChannel())).containsExactly(8, 2);
    }

    @Test
    void usualGap_refusesAnAssumedGapOutsideItsBounds() {
        assertThatThrownBy(() -> new UsualGap(Duration.ofDays(90), 4, Duration.ofDays(1), Duration.ofDays(45)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdWatch_remembersOnlyThresholdsAhead() {
        ThresholdWatch watch = new ThresholdWatch(T);

        assertThat(watch.reached(T, "now")).isTrue();
        assertThat(watch.reached(T.minusSeconds(1), "past")).isTrue();
        assertThat(watch.reached(T.plusSeconds(1), "ahead")).isFalse();
        assertThat(watch.ahead()).containsOnlyKeys(T.plusSeconds(1));
    }
}
