package dev.winback.local.report;

import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.local.report.RetentionReport.WeeklyActivity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The report's counts from stored items: pure, so the same items always give the same figures. */
final class StoredFigures {

    /** What a record not yet evaluated counts as (as in the demo's evaluation summary). */
    static final String NOT_EVALUATED = "not_evaluated";

    private StoredFigures() {
    }

    /** Customers by the lifecycle state their records hold. */
    static Map<String, Long> customersByState(List<EngagementRecord> records) {
        Map<String, Long> byState = new TreeMap<>();
        for (EngagementRecord record : records) {
            String state = switch (record.evaluation()) {
                case Evaluation.NotEvaluated none -> NOT_EVALUATED;
                case Evaluation.Evaluated evaluated -> evaluated.state().name().toLowerCase(Locale.ROOT);
            };
            byState.merge(state, 1L, Long::sum);
        }
        return byState;
    }

    /** Messages the providers accepted, by channel. */
    static Map<String, Long> messagesByChannel(List<LedgerEntry> ledger) {
        Map<String, Long> byChannel = new TreeMap<>();
        for (LedgerEntry entry : ledger) {
            for (MessageDecision decision : entry.decisions()) {
                if (decision.kind() == MessageDecision.Kind.SENT) {
                    byChannel.merge(decision.channel().map(c -> c.wireName()).orElse("-"), 1L, Long::sum);
                }
            }
        }
        return byChannel;
    }

    /** Every decision the ledger holds, by what was decided and why, e.g. "skipped: no_consent". */
    static Map<String, Long> decisionsByReason(List<LedgerEntry> ledger) {
        Map<String, Long> byReason = new TreeMap<>();
        for (LedgerEntry entry : ledger) {
            for (MessageDecision decision : entry.decisions()) {
                byReason.merge(decision.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                        + decision.reason().wireName(), 1L, Long::sum);
            }
        }
        return byReason;
    }

    /**
     * Per week, from the first to the last week anything happened in: signal occurrences acted on
     * (by the week they began), actions requested, messages sent.
     */
    static List<WeeklyActivity> weekly(List<ActionRequest> actions, List<LedgerEntry> ledger) {
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        Set<String> occurrences = new HashSet<>();
        for (ActionRequest action : actions) {
            if (occurrences.add(action.customerId() + "\u0000" + action.signalType().wireName() + "\u0000"
                    + action.signalSince())) {
                week(weeks, action.signalSince())[0]++;
            }
            week(weeks, action.requestedAt())[1]++;
        }
        for (LedgerEntry entry : ledger) {
            for (MessageDecision decision : entry.decisions()) {
                if (decision.kind() == MessageDecision.Kind.SENT) week(weeks, decision.at())[2]++;
            }
        }
        List<WeeklyActivity> activity = new ArrayList<>();
        if (weeks.isEmpty()) return activity;
        LocalDate last = weeks.lastKey();
        for (LocalDate week = weeks.firstKey(); !week.isAfter(last); week = week.plusWeeks(1)) {
            long[] counts = weeks.getOrDefault(week, new long[3]);
            activity.add(new WeeklyActivity(week, counts[0], counts[1], counts[2]));
        }
        return activity;
    }

    static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long[] week(Map<LocalDate, long[]> weeks, Instant at) {
        return weeks.computeIfAbsent(weekOf(at), w -> new long[3]);
    }
}
