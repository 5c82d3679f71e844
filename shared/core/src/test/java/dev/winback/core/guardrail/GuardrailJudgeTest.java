package dev.winback.core.guardrail;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailJudgeTest {

    private static final LocalDate FROM = LocalDate.parse("2026-06-01");
    private static final LocalDate TO = LocalDate.parse("2026-06-28");
    private static final MeasuredUnit RULE = new MeasuredUnit("lapsed-rule", false);
    private static final GuardrailPolicy POLICY = new GuardrailPolicy(true, 500, 0.02, 0.003, 28);

    private static GuardrailFigures figures(long treated, long holdout, double upper, long messages, long unsubscribed,
                                            long complained) {
        return new GuardrailFigures(FROM, TO, treated, holdout, upper - 0.05, upper - 0.1, upper, messages, unsubscribed,
                complained);
    }

    @Test
    void aConfidentlyNegativeLift_pauses() {
        assertThat(GuardrailJudge.judge(RULE, figures(900, 150, -0.01, 900, 0, 0), POLICY))
                .contains(PauseReason.NEGATIVE_LIFT);
    }

    @Test
    void anIntervalReachingZero_doesNotPause() {
        assertThat(GuardrailJudge.judge(RULE, figures(900, 150, 0.0, 900, 0, 0), POLICY)).isEmpty();
        assertThat(GuardrailJudge.judge(RULE, figures(900, 150, 0.02, 900, 0, 0), POLICY)).isEmpty();
    }

    @Test
    void withinTheMinimumSample_nothingPauses_whateverTheFigures() {
        GuardrailFigures harmful = figures(400, 99, -0.3, 400, 100, 50);
        assertThat(harmful.decisions()).isEqualTo(499);
        assertThat(GuardrailJudge.judge(RULE, harmful, POLICY)).isEmpty();
        assertThat(GuardrailJudge.judge(RULE, figures(400, 100, -0.3, 400, 0, 0), POLICY))
                .contains(PauseReason.NEGATIVE_LIFT);
    }

    @Test
    void ratesAboveTheirThresholds_pause_complaintsFirst() {
        assertThat(GuardrailJudge.judge(RULE, figures(1000, 0, Double.NaN, 1000, 21, 0), POLICY))
                .contains(PauseReason.UNSUBSCRIBE_RATE);
        assertThat(GuardrailJudge.judge(RULE, figures(1000, 0, Double.NaN, 1000, 20, 3), POLICY)).isEmpty();
        assertThat(GuardrailJudge.judge(RULE, figures(1000, 0, Double.NaN, 1000, 21, 4), POLICY))
                .contains(PauseReason.COMPLAINT_RATE);
    }

    @Test
    void aTransactionalUnit_isNeverPaused() {
        MeasuredUnit confirmations = new MeasuredUnit("order-confirmation", true);
        assertThat(GuardrailJudge.judge(confirmations, figures(5000, 900, -0.2, 5000, 900, 300), POLICY)).isEmpty();
    }

    @Test
    void offMeansOff() {
        GuardrailPolicy off = new GuardrailPolicy(false, 500, 0.02, 0.003, 28);
        assertThat(GuardrailJudge.judge(RULE, figures(900, 150, -0.2, 900, 500, 100), off)).isEmpty();
    }
}
