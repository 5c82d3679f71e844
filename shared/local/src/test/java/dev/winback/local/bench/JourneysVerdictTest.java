package dev.winback.local.bench;

import dev.winback.core.journey.AdvanceDueJourneys;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JourneysVerdictTest {

    private static final JourneysSeed.Seeded SEEDED = new JourneysSeed.Seeded(50, 100, 200, 170, 250);

    @Test
    void stepsCostingTheSame_atEveryStepAdvancedAndSent_pass_andPrintTheResultLine() {
        JourneysVerdict verdict = JourneysVerdict.of(SEEDED, run(100, 100, 100, 2.0, 6.0), run(200, 200, 200, 2.0, 6.0), 0.25);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.stepRatio()).isEqualTo(1.0);
        assertThat(verdict.unitsRatio()).isEqualTo(0.5);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        verdict.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 10_000, SEEDED, 12.0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("RESULT journeys customers=10000 due1=100 due2=200"
                + " rru_per_step1=2.000 wru_per_step1=6.000 rru_per_step2=2.000 wru_per_step2=6.000 ratio=1.000 seconds=12.0")
                // Billed per step: 6 WRU + 0.2 × 2 RRU = 6.4 WRU-eq, $7.50 + $0.50 per million.
                .contains("billed_wru=6.000 billed_rru=2.000 wru_eq=6.400 usd_per_million=8.00")
                .contains("billed_wru_2=6.000 billed_rru_2=2.000 wru_eq_2=6.400 usd_per_million_2=8.00");
    }

    @Test
    void aStepCostingMoreThanAQuarterMoreAtTheSecondDueCount_fails() {
        JourneysVerdict verdict = JourneysVerdict.of(SEEDED, run(100, 100, 100, 2.0, 6.0), run(200, 200, 200, 3.0, 8.0), 0.25);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems()).singleElement().asString().contains("ratio 1.38");
    }

    @Test
    void aStepNotAdvanced_orNotSent_orAnotherDueCountThanSeeded_fails() {
        assertThat(JourneysVerdict.of(SEEDED, run(100, 99, 99, 2.0, 6.0), run(200, 200, 200, 2.0, 6.0), 0.25).problems())
                .anySatisfy(problem -> assertThat(problem).contains("99 advanced"));
        assertThat(JourneysVerdict.of(SEEDED, run(100, 100, 100, 2.0, 6.0), run(200, 200, 190, 2.0, 6.0), 0.25).problems())
                .singleElement().asString().contains("190 messages decided");
        assertThat(JourneysVerdict.of(SEEDED, run(90, 90, 90, 2.0, 6.0), run(200, 200, 200, 2.0, 6.0), 0.25).problems())
                .singleElement().asString().contains("90 due, 100 seeded due");
    }

    /** A run of {@code due} steps, {@code sent} of them handed over as review requests, at the given units per step. */
    private static JourneysRun run(int due, int advanced, int sent, double readsPerStep, double writesPerStep) {
        var report = new AdvanceDueJourneys.Report(Instant.EPOCH, due, advanced, 0, due - advanced, sent, List.of());
        return new JourneysRun(report, 1.0, readsPerStep * due, writesPerStep * due, 8.0,
                Map.of("DynamoDb.GetItem", 2L * due, "DynamoDb.UpdateItem", 2L * due),
                new CountingMessageRequests.Counts(Map.of(JourneysSeed.JOURNEY, (long) sent), sent),
                new BillingMeter.Totals(writesPerStep * due, 0, readsPerStep * due, 4L * due, 0));
    }
}
