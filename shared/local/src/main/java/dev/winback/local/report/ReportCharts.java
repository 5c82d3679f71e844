package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.WeeklyActivity;

import java.util.ArrayList;
import java.util.List;

/** Which charts the report shows, in order, and what each says in words. */
final class ReportCharts {

    private ReportCharts() {
    }

    static List<Chart> of(RetentionReport report) {
        List<String> weeks = new ArrayList<>();
        List<long[]> weekly = new ArrayList<>();
        for (WeeklyActivity week : report.weekly()) {
            weeks.add(week.weekStart().toString());
            weekly.add(new long[] {week.signals(), week.actions(), week.messages()});
        }
        return List.of(
                new StackedAreaChart("lifecycle", "Lifecycle states over time",
                        "Customers by the lifecycle state their records held, sampled during the run.",
                        report.lifecycle()),
                new GroupedBarChart("weekly", "Signals, actions and messages per week",
                        "Per week starting Monday (UTC): signals acted on by the week they began, actions requested,"
                                + " messages sent.", weeks, List.of("signals", "actions", "messages"), weekly,
                        "week starting", "count"),
                new HorizontalBarChart("channels", "Messages per channel",
                        "Messages a provider accepted, by channel, from the send ledger.", report.messagesByChannel(),
                        "messages sent"),
                new HorizontalBarChart("decisions", "Decisions by reason",
                        "Every decision the send ledger holds, by what was decided and why.",
                        report.decisionsByReason(), "decisions"),
                new IntervalChart("lift", "Lift per rule and journey",
                        "Conversion of the treated group minus that of the held-out group (a purchase or a visit within"
                                + " the conversion window), as a dot on its 95% Wald interval.", report.lifts()),
                new RocChart("roc", "Backtest ROC curves",
                        "How well each ranking picks out the customers who did not buy in the backtest's holdout"
                                + " period: true against false positive rate; the diagonal is chance.",
                        report.rocCurves()));
    }
}
