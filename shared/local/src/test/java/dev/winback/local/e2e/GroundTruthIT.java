package dev.winback.local.e2e;

import dev.winback.local.demo.GroundTruthBase;
import dev.winback.local.demo.GroundTruthReport;
import dev.winback.local.demo.GroundTruthRun;
import dev.winback.local.demo.PolicyOutcome;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.demo.TrueEffects;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement checked against the truth: the default demo size (5,000 customers, seed 42) of the
 * ground-truth base, whose customers come back with known chances when the engine messages them or
 * holds them out. Every rule's reported 95% interval holds its true lift, the harmful rule's lies
 * below zero and the guardrail pauses it, and the shipped playbook retains more customers per message than messaging everyone at
 * risk every week.
 */
class GroundTruthIT {

    @Test
    void theMeasuredLiftsHoldTheTrueOnes_andThePlaybookBeatsWeeklyMessagesToEveryoneAtRisk() {
        GroundTruthBase base = GroundTruthBase.generate(SyntheticConfig.defaults());
        assertThat(base.customerIds()).hasSize(SyntheticConfig.DEFAULT_CUSTOMERS);
        TrueEffects truth = TrueEffects.defaults();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        PolicyOutcome playbook = GroundTruthRun.run(IngestFixture.templatePath(), base, truth,
                GroundTruthRun.Policy.PLAYBOOK, quiet);
        PolicyOutcome weekly = GroundTruthRun.run(IngestFixture.templatePath(), base, truth,
                GroundTruthRun.Policy.WEEKLY_AT_RISK, quiet);
        new GroundTruthReport(playbook, weekly).print(System.out);
        System.out.printf("RESULT groundtruth playbook_seconds=%.1f weekly_seconds=%.1f%n", playbook.seconds(),
                weekly.seconds());

        // Every rule the playbook used with a known truth was measured, the three kinds of effect among them.
        assertThat(playbook.units()).containsKeys("lapsed-any-channel", TrueEffects.ZERO_RULE,
                TrueEffects.NEGATIVE_RULE);
        playbook.units().forEach((unit, measured) -> {
            double trueLift = truth.of(unit).orElseThrow().effect();
            assertThat(measured.covers(trueLift))
                    .as("%s: true lift %.3f in [%.3f, %.3f]", unit, trueLift, measured.lower(), measured.upper())
                    .isTrue();
            assertThat(measured.holdout()).as(unit + " held out").isPositive();
        });
        assertThat(playbook.units().get(TrueEffects.NEGATIVE_RULE).upper())
                .as("the negative rule's interval lies below zero").isNegative();
        assertThat(playbook.units().get(TrueEffects.NEGATIVE_RULE))
                .as("the guardrail paused the negative rule")
                .returns(true, PolicyOutcome.Measured::paused)
                .returns("negative_lift", PolicyOutcome.Measured::pauseReason);
        assertThat(playbook.units().get("lapsed-any-channel").paused()).as("the helpful rule runs on").isFalse();
        PolicyOutcome.Measured weeklyUnit = weekly.units().get(TrueEffects.WEEKLY_UNIT);
        assertThat(weeklyUnit.covers(truth.of(TrueEffects.WEEKLY_UNIT).orElseThrow().effect())).isTrue();

        assertThat(playbook.retainedPerMessage()).as("retained per message sent")
                .isGreaterThan(weekly.retainedPerMessage());
        assertThat(playbook.messages()).isPositive();
        assertThat(weekly.messages()).isGreaterThan(playbook.messages());
    }
}
