package dev.winback.local.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the ground-truth scenario: per rule, the true lift, the lift in what the simulation drew
 * (the truth plus sampling), the group sizes and the measured lift with its 95% interval, and whether
 * the interval holds the truth; then the shipped playbook against the naive weekly policy.
 */
public record GroundTruthReport(PolicyOutcome playbook, PolicyOutcome weekly) {

    public void print(PrintStream out) {
        out.println("Ground truth: a simulated base with known effects, measured by the engine");
        out.printf(Locale.ROOT, "  holdouts %.0f%% control + %.0f%% per unit; exposures up to the horizon"
                        + " (GET /v1/reports/rules)%n", 100 * GroundTruthRun.HOLDOUTS.global(),
                100 * GroundTruthRun.HOLDOUTS.unit());
        out.printf(Locale.ROOT, "  %-26s %8s %8s %8s %9s  %-24s %-6s %s%n", "unit", "true", "drawn", "treated",
                "holdout", "measured [95% interval]", "", "holds the truth");
        rows(out, playbook);
        if (weekly != null) {
            rows(out, weekly);
            out.println();
            out.println("Shipped playbook against \"message everyone at risk weekly\" (same base, same truth)");
            out.printf(Locale.ROOT, "  %-28s %10s %10s %12s %14s%n", "policy", "messages", "retained",
                    "retained/msg", "incremental/msg");
            line(out, playbook);
            line(out, weekly);
        }
    }

    private static void rows(PrintStream out, PolicyOutcome outcome) {
        outcome.units().forEach((unit, m) -> {
            double truth = outcome.truth().of(unit).orElseThrow().effect();
            ClosedLoop.Tally drawn = outcome.drawn().get(unit);
            double drawnLift = drawn == null || drawn.treated() == 0 || drawn.heldOut() == 0 ? Double.NaN
                    : (double) drawn.treatedReturned() / drawn.treated() - (double) drawn.heldOutReturned() / drawn.heldOut();
            out.printf(Locale.ROOT, "  %-26s %+6.1fpp %+6.1fpp %,8d %,9d  %+6.1fpp [%+6.1f, %+6.1f] %-6s %s%n", unit,
                    100 * truth, 100 * drawnLift, m.treated(), m.holdout(), 100 * m.lift(), 100 * m.lower(),
                    100 * m.upper(), m.covers(truth) ? "yes" : "NO",
                    (unit.equals(TrueEffects.NEGATIVE_RULE) ? "(the negative rule) " : "")
                            + (m.paused() ? "paused by the guardrail: " + m.pauseReason() : ""));
        });
    }

    private static void line(PrintStream out, PolicyOutcome outcome) {
        out.printf(Locale.ROOT, "  %-28s %,10d %,10d %12.3f %14.3f%n", outcome.policy(), outcome.messages(),
                outcome.retained(), outcome.retainedPerMessage(), outcome.incrementalPerMessage());
    }
}
