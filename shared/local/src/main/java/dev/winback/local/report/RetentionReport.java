package dev.winback.local.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one local run, as the HTML report draws them and its JSON twin lists them:
 * customers by lifecycle state over time, signals, actions and messages per week, messages per
 * channel, ledger decisions by reason, the lift of each rule and journey with its 95% interval, and
 * the backtest's ROC curves when one was given.
 *
 * @param from  the first exposure day the lifts cover
 * @param to    the last exposure day the lifts cover
 */
public record RetentionReport(Instant generatedAt, LocalDate from, LocalDate to, List<StateSample> lifecycle,
                              List<WeeklyActivity> weekly, Map<String, Long> messagesByChannel,
                              Map<String, Long> decisionsByReason, List<RuleLift> lifts, List<RocCurve> rocCurves) {

    public RetentionReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        lifecycle = List.copyOf(lifecycle);
        weekly = List.copyOf(weekly);
        messagesByChannel = sorted(messagesByChannel);
        decisionsByReason = sorted(decisionsByReason);
        lifts = List.copyOf(lifts);
        rocCurves = List.copyOf(rocCurves);
    }

    /** The same figures with these ROC curves (the backtest runs apart from the demo). */
    public RetentionReport withRocCurves(List<RocCurve> curves) {
        return new RetentionReport(generatedAt, from, to, lifecycle, weekly, messagesByChannel, decisionsByReason,
                lifts, curves);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** Customers by lifecycle state as stored at one instant of the run. */
    public record StateSample(Instant at, Map<String, Long> customersByState) {
        public StateSample {
            Objects.requireNonNull(at, "at");
            customersByState = sorted(customersByState);
        }

        public long customers() {
            return customersByState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One week (Monday, UTC) of the run: signal occurrences that began in it and were acted on,
     * actions requested in it, messages sent in it.
     */
    public record WeeklyActivity(LocalDate weekStart, long signals, long actions, long messages) {
        public WeeklyActivity {
            Objects.requireNonNull(weekStart, "weekStart");
        }
    }

    /**
     * One rule's or journey's measured effect (as {@code GET /v1/reports/rules} serves it): group
     * sizes and conversion rates, the absolute lift and its 95% interval; NaN where undefined.
     */
    public record RuleLift(String unit, long treated, double treatedRate, long holdout, double holdoutRate,
                           double lift, double lower, double upper, long messages) {
        public RuleLift {
            Objects.requireNonNull(unit, "unit");
        }

        /** Whether both groups have someone in them, so there is a lift to draw. */
        public boolean measurable() {
            return Double.isFinite(lift) && Double.isFinite(lower) && Double.isFinite(upper);
        }
    }

    /** A named ROC curve: points of false and true positive rate, from (0,0) to (1,1), with its AUC. */
    public record RocCurve(String name, List<RocPoint> points, double auc) {
        public RocCurve {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    public record RocPoint(double falsePositiveRate, double truePositiveRate) {
        public RocPoint {
            if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1 && truePositiveRate >= 0 && truePositiveRate <= 1)) {
                throw new IllegalArgumentException("rates must be in [0, 1]");
            }
        }
    }
}
