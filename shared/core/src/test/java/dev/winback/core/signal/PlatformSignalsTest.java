package dev.winback.core.signal;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Platform;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;

import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformSignalsTest {

    private static final SignalPolicy POLICY = SignalPolicy.defaults();
    private static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    /** The website every 3 days until day 90; the app every 2 days from day 80 to day 200. */
    private static final EngagementRecord WEB_THEN_APP = customer("web-then-app")
            .visits(Platform.WEB, day(0), Duration.ofDays(3), 31)
            .installed(day(80))
            .visits(Platform.APP, day(80), Duration.ofDays(2), 61)
            .record();

    @Test
    void detect_whenTheWebsiteFadesAndTheAppTakesOver_isMigrationNotLapse() {
        List<Signal> signals = SignalDetector.detect(WEB_THEN_APP, day(201), POLICY, MODEL);

        assertThat(signals).singleElement().isInstanceOfSatisfying(Signal.PlatformMigration.class, migration -> {
            assertThat(migration.from()).isEqualTo(Platform.WEB);
            assertThat(migration.to()).isEqualTo(Platform.APP);
            assertThat(migration.strength()).isEqualTo(Strength.WEAK);
            // Web's usual gap is 3 days; 4 gaps are under the 14-day floor, so the web is quiet 14 days after day 90.
            assertThat(migration.since()).isEqualTo(day(104));
            assertThat(migration.subject()).isEqualTo("web>app");
            assertThat(migration.explanation()).isEqualTo(
                    "web quiet for 111 days while the app is active (last app session 1 day ago): migration, not churn");
        });
    }

    @Test
    void detect_beforeTheOldPlatformIsQuiet_isNothing() {
        assertThat(SignalDetector.detect(WEB_THEN_APP, day(104).minusSeconds(1), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_whenTheNewPlatformFallsQuietToo_isLapseInsteadOfMigration() {
        Instant appQuiet = day(200 + 14);

        assertThat(SignalDetector.detect(WEB_THEN_APP, appQuiet.minusSeconds(1), POLICY, MODEL))
                .extracting(Signal::type).containsExactly(SignalType.PLATFORM_MIGRATION);
        assertThat(SignalDetector.detect(WEB_THEN_APP, appQuiet, POLICY, MODEL))
                .singleElement().isInstanceOfSatisfying(Signal.Lapsed.class, lapsed -> {
                    assertThat(lapsed.since()).isEqualTo(appQuiet);
                    assertThat(lapsed.strength()).isEqualTo(Strength.STRONG);
                });
    }

    @Test
    void detect_whenTheNewPlatformWasUsedLongBeforeTheOldOneFaded_isNoMigration() {
        EngagementRecord record = customer("both-for-years")
                .visits(Platform.APP, day(0), Duration.ofDays(2), 200)
                .visits(Platform.WEB, day(10), Duration.ofDays(3), 100)
                .record();

        // The app started 300 days before the web's last visit: consolidation, not a move; and not a lapse.
        assertThat(SignalDetector.detect(record, day(398), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_whenTheAppFadesAndTheWebsiteTakesOver_isNoSignalForThatRoute() {
        EngagementRecord record = customer("app-then-web")
                .visits(Platform.APP, day(0), Duration.ofDays(2), 40)
                .visits(Platform.WEB, day(70), Duration.ofDays(2), 40)
                .record();

        assertThat(SignalDetector.detect(record, day(150), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_whenEveryPlatformIsQuiet_isLapseExplainedAgainstTheUsualGap() {
        EngagementRecord record = customer("every-six-days").visits(Platform.APP, day(0), Duration.ofDays(6), 11).record();

        List<Signal> signals = SignalDetector.detect(record, day(101), POLICY, MODEL);

        assertThat(signals).singleElement().isInstanceOfSatisfying(Signal.Lapsed.class, lapsed -> {
            assertThat(lapsed.since()).isEqualTo(day(60 + 24));
            assertThat(lapsed.explanation()).isEqualTo("no app, web or store activity for 41 days; usual gap 6 days");
        });
        assertThat(SignalDetector.detect(record, day(84).minusSeconds(1), POLICY, MODEL)).isEmpty();
    }

    @Test
    void detect_forACustomerWithLittleHistory_usesTheAssumedGapAsAFloor() {
        EngagementRecord record = customer("two-quick-visits")
                .visit(Platform.STORE, day(0)).visit(Platform.STORE, day(0).plusSeconds(3600)).record();

        assertThat(SignalDetector.detect(record, day(28).minusSeconds(1), POLICY, MODEL)).isEmpty();
        assertThat(SignalDetector.detect(record, day(28).plusSeconds(3600), POLICY, MODEL))
                .singleElement().satisfies(lapsed -> assertThat(lapsed.explanation())
                        .isEqualTo("no app, web or store activity for 28 days; usual gap 7 days (assumed: 2 visits)"));
    }

    @Test
    void detect_lapseWaitsForTheSlowestRhythm() {
        EngagementRecord record = customer("daily-app-monthly-store")
                .visits(Platform.APP, day(0), Duration.ofDays(1), 60)
                .visits(Platform.STORE, day(0), Duration.ofDays(30), 3)
                .record();

        // The app is quiet from day 59 + 14, but the monthly store visitor is not quiet until day 60 + 120.
        assertThat(SignalDetector.detect(record, day(100), POLICY, MODEL)).isEmpty();
        assertThat(SignalDetector.detect(record, day(180), POLICY, MODEL)).singleElement()
                .satisfies(lapsed -> assertThat(lapsed.explanation()).endsWith("usual gap app 1 day, store 30 days"));
    }
}
