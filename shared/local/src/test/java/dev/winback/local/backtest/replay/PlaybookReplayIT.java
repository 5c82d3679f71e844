package dev.winback.local.backtest.replay;

import dev.winback.adapters.config.HoldoutConfig;
import dev.winback.core.model.TransactionLogParser;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playbook backtest end to end on DynamoDB Local: small histories replayed through the real
 * ingest, evaluator, journeys and delivery on the virtual clock, without holdouts, so every message
 * the rules allow is sent (to the dry-run outbox) and the counts below follow from the playbook.
 */
class PlaybookReplayIT {

    static final LocalDate CALIBRATION_END = LocalDate.parse("2000-03-31");
    static final Path FIXTURES = Path.of("src/test/resources/replay");

    static Path template() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("template.yaml not found");
        return dir.resolve("template.yaml");
    }

    static ReplayReport replay(ReplayInput input) {
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PlaybookReplay.Run run = new PlaybookReplay(template(), HoldoutConfig.OFF, progress).run(input);
        return ReplayReport.of("fixture", Optional.empty(), HoldoutShares.NONE, input, run, Optional.of(CALIBRATION_END));
    }

    /**
     * 0001 buys every two weeks until 14 February, 0002 once on 5 January, 0003 on both sides of the
     * calibration end, 0004 only after it, 0005 once, six days before it.
     */
    @Test
    void aTransactionLog_reachesTheOneTimeBuyerBeforeTheCalibrationEnd_andTheLateOnesOnlyAfter() throws IOException {
        List<String> lines = TransactionEvents.jsonLines(
                TransactionLogParser.parse(Files.readAllLines(FIXTURES.resolve("transactions.txt"))), "USD");
        ReplayReport report = replay(ReplayInput.of(lines));

        // 11 purchases, and an address and a consent for each of the 5 customers.
        assertThat(report.run().fed()).isEqualTo(21);
        assertThat(report.invalid()).isZero();
        assertThat(report.run().failed()).isZero();
        assertThat(report.customers()).isEqualTo(5);
        // Monday 3 January to the week of 1 May.
        assertThat(report.run().weeks()).hasSize(18);
        WeekSnapshot last = report.run().weeks().getLast();
        assertThat(last.week()).isEqualTo(LocalDate.parse("2000-05-01"));
        // Only 0003 still buys; everyone else has been quiet for at least 14 days and lapsed.
        assertThat(last.inState("active")).isEqualTo(1);
        assertThat(last.inState("lapsed")).isEqualTo(4);

        LapseReach lapse = report.lapse().orElseThrow();
        assertThat(lapse.lapsed()).isEqualTo(3);
        assertThat(lapse.returned()).isEqualTo(1);
        assertThat(lapse.newInHoldout()).isEqualTo(1);
        // 0002 is lapsed 14 days after its only purchase; 0001's rhythm (4 gaps of 14 days) and 0005's
        // 14 days both run past the calibration end.
        assertThat(lapse.lapsedReached()).isEqualTo(1);
        assertThat(lapse.lapsedReachedSent()).isEqualTo(1);
        assertThat(lapse.lapsedReachedLater()).isEqualTo(2);
        assertThat(lapse.medianDaysToReach()).hasValue(14.0);

        // Every customer lapsed once (0003 between its purchases): one lapsed-campaign email each.
        assertThat(report.rules().signalsByType()).containsExactly(java.util.Map.entry("lapsed", 5L));
        RuleTally.Row lapsedRule = report.rules().rows().getFirst();
        assertThat(lapsedRule.unit()).isEqualTo("lapsed-any-channel");
        assertThat(lapsedRule.actionsRequested()).isEqualTo(5);
        assertThat(lapsedRule.sent()).isEqualTo(5);
        assertThat(lapsedRule.heldOut()).isZero();
        assertThat(report.load().maxInAWeek()).isEqualTo(1);
        assertThat(report.resultLine()).startsWith("RESULT replay customers=5 events=21 invalid=0 failed=0 weeks=18"
                + " signals=5 actions=5 ").contains(" lapsed=3 reached_before_lapse=1 reached_share=0.3333 returned=1");
    }

    /**
     * c-a consents to email and buys once; c-b buys twice in the app without any consent; c-c visits
     * the website weekly and buys every four weeks; one line has a type the contract does not know.
     */
    @Test
    void contractEvents_countTheInvalidLine_andReachBothLapsedCustomers() throws IOException {
        ReplayInput input = ReplayInput.of(Files.readAllLines(FIXTURES.resolve("events.jsonl")));
        ReplayReport report = replay(input);

        assertThat(report.run().fed()).isEqualTo(33);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.customers()).isEqualTo(3);
        assertThat(report.run().weeks()).hasSize(17);
        assertThat(report.run().weeks().getLast().inState("active")).isEqualTo(1);
        assertThat(report.run().weeks().getLast().inState("lapsed")).isEqualTo(2);

        LapseReach lapse = report.lapse().orElseThrow();
        assertThat(lapse.lapsed()).isEqualTo(2);
        assertThat(lapse.returned()).isEqualTo(1);
        // c-a by email (consented), c-b in the app (in-app needs no consent); the weekly visitor never.
        assertThat(lapse.lapsedReached()).isEqualTo(2);
        assertThat(lapse.returnedReached()).isZero();
        assertThat(report.rules().signalsByType()).containsExactly(java.util.Map.entry("lapsed", 2L));
        assertThat(report.rules().sent()).isEqualTo(5);
        assertThat(report.rules().rows()).filteredOn(r -> r.unit().equals("interest-survey")).singleElement()
                .satisfies(r -> assertThat(r.notSentByReason()).containsEntry("no_consent", 1L));
    }
}
