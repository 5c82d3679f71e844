package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;
import dev.winback.local.report.RetentionReport.RuleLift;
import dev.winback.local.report.RetentionReport.StateSample;
import dev.winback.local.report.RetentionReport.WeeklyActivity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reports made up for tests: one with data for every chart, one with none. */
final class SampleReports {

    static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    private SampleReports() {
    }

    static RetentionReport full() {
        return new RetentionReport(START.plusSeconds(86_400 * 28), LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-07-29"),
                List.of(new StateSample(START.plusSeconds(86_400 * 7), Map.of("active", 80L, "new", 20L)),
                        new StateSample(START.plusSeconds(86_400 * 14), Map.of("active", 70L, "at_risk", 20L, "new", 10L)),
                        new StateSample(START.plusSeconds(86_400 * 21), Map.of("active", 60L, "at_risk", 25L, "lapsed", 15L))),
                List.of(new WeeklyActivity(LocalDate.parse("2026-06-29"), 12, 14, 30),
                        new WeeklyActivity(LocalDate.parse("2026-07-06"), 8, 9, 25),
                        new WeeklyActivity(LocalDate.parse("2026-07-13"), 0, 0, 4)),
                Map.of("email", 40L, "push", 12L, "sms", 7L),
                Map.of("sent: accepted", 59L, "skipped: no_consent", 11L, "stopped: held_out", 6L),
                List.of(new RuleLift("cross-sell", 120, 0.30, 20, 0.10, 0.20, 0.05, 0.35, 130),
                        new RuleLift("how-to <b>&</b>", 80, 0.10, 15, 0.20, -0.10, -0.30, 0.10, 80),
                        new RuleLift("birthday", 3, 1.0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 3)),
                List.of(new RocCurve("model", List.of(new RocPoint(0, 0), new RocPoint(0.2, 0.6), new RocPoint(1, 1)), 0.78),
                        new RocCurve("recency", List.of(new RocPoint(0, 0), new RocPoint(0.4, 0.6), new RocPoint(1, 1)), 0.62)));
    }

    static RetentionReport empty() {
        return new RetentionReport(START, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-01"), List.of(),
                List.of(), Map.of(), Map.of(), List.of(), List.of());
    }
}
