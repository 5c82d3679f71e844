package dev.winback.core.evaluation;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.core.signal.CustomerEvents;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static CustomerEvents everySixDays(String id) {
        return customer(id).visits(Platform.APP, day(0), Duration.ofDays(6), 11);
    }

    @Test
    void of_wordsTheStoredSignalsAndDeadlineAsTheEvaluatorDid() {
        EngagementRecord record = everySixDays("words").record();
        Evaluator.Outcome outcome = Evaluator.evaluate(record, day(85), POLICY, MODEL);

        EvaluationReport report = EvaluationReport.of(record.withEvaluation(outcome.evaluation()), POLICY, MODEL).orElseThrow();

        assertThat(report.signals()).singleElement().satisfies(signal ->
                assertThat(signal.explanation()).isEqualTo(outcome.signals().getFirst().explanation())
                        .contains("no app, web or store activity for 25 days"));
        assertThat(report.next()).hasValueSatisfying(next -> {
            assertThat(next.at()).isEqualTo(day(240));
            assertThat(next.reason()).isEqualTo(outcome.next().orElseThrow().reason());
        });
    }

    @Test
    void of_whenNewerEventsChangedTheRecord_saysSoInsteadOfExplainingWithUnseenFacts() {
        CustomerEvents history = everySixDays("changed");
        EngagementRecord lapsed = history.record();
        Evaluation evaluation = Evaluator.evaluate(lapsed, day(85), POLICY, MODEL).evaluation();
        EngagementRecord returned = history.visit(Platform.APP, day(86)).record().withEvaluation(evaluation);

        EvaluationReport report = EvaluationReport.of(returned, POLICY, MODEL).orElseThrow();

        assertThat(report.signals()).singleElement()
                .satisfies(signal -> assertThat(signal.explanation()).isEqualTo(EvaluationReport.SIGNAL_CHANGED));
        assertThat(report.next()).hasValueSatisfying(next ->
                assertThat(next.reason()).isEqualTo(EvaluationReport.DEADLINE_CHANGED));
    }

    @Test
    void of_neverEvaluated_isEmpty() {
        assertThat(EvaluationReport.of(everySixDays("fresh").record(), POLICY, MODEL)).isEmpty();
    }
}
