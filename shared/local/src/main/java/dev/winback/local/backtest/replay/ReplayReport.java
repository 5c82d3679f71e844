package dev.winback.local.backtest.replay;

import dev.winback.core.outcome.HoldoutShares;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The replay's figures, printed: customers by lifecycle state per week with the messages of that
 * week, signals by type, signals, actions and messages per rule and journey, messages per customer
 * per week, and with a calibration end, how many of the customers who lapsed afterwards the playbook
 * reached in time. Ends with one {@code RESULT replay} line for scripts.
 *
 * @param source      what was replayed (the file and its kind)
 * @param assumptions what the replay assumed beyond the file, if anything
 */
record ReplayReport(String source, Optional<String> assumptions, HoldoutShares holdouts, PlaybookReplay.Run run,
                    long customers, long invalid, RuleTally rules, MessageLoad load, Optional<LapseReach> lapse) {

    static final List<String> STATES = List.of("new", "active", "cooling", "at_risk", "lapsed", "dormant",
            "not_evaluated");

    static ReplayReport of(String source, Optional<String> assumptions, HoldoutShares holdouts, ReplayInput input,
                           PlaybookReplay.Run run, Optional<java.time.LocalDate> calibrationEnd) {
        List<MessageLoad.Sent> sent = run.messages().stream()
                .filter(m -> m.outcome() == DecidedMessage.Outcome.SENT)
                .map(m -> new MessageLoad.Sent(m.customerId(), m.decidedAt().orElseThrow())).toList();
        return new ReplayReport(source, assumptions, holdouts, run, input.customers().size(), input.invalid(),
                RuleTally.of(run.actions(), run.messages()), MessageLoad.of(sent, run.knownByWeek()),
                calibrationEnd.map(end -> LapseReach.of(input.purchases(), run.messages(), end)));
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "Playbook replay of %s%n", source);
        assumptions.ifPresent(a -> out.println("assumed: " + a));
        out.printf(Locale.ROOT, "delivery: dry run (decisions and ledger as deployed; messages go to the local outbox"
                        + " and inbox, nothing to a provider); holdouts: %s global control, %s per unit%n",
                percent(holdouts.global()), percent(holdouts.unit()));
        out.printf(Locale.ROOT, "events: %,d fed, %,d invalid by the contract (kept as rejected by ingestion), %,d failed"
                        + " in ingestion; customers: %,d; virtual clock %s -> %s (%d weeks); took %.1f s%n", run.fed(),
                invalid, run.failed(), customers,
                run.clockStart(), run.clockEnd(), run.weeks().size(), run.elapsed().toMillis() / 1000.0);
        printWeeks(out);
        printSignals(out);
        printRules(out);
        printLoad(out);
        lapse.ifPresent(l -> printLapse(out, l));
        out.println(resultLine());
    }

    private void printWeeks(PrintStream out) {
        out.println();
        out.println("Customers by lifecycle state at the end of each week (as last evaluated), messages sent that week");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-10s %9s", "week", "customers"));
        STATES.forEach(state -> header.append(String.format(Locale.ROOT, " %9s", abbreviate(state))));
        header.append(String.format(Locale.ROOT, " %9s %9s", "sent", "per cust"));
        out.println(header);
        for (WeekSnapshot week : run.weeks()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-10s %,9d", week.week(),
                    week.customers()));
            STATES.forEach(state -> row.append(String.format(Locale.ROOT, " %,9d", week.inState(state))));
            long sent = load.sentByWeek().getOrDefault(week.week(), 0L);
            row.append(String.format(Locale.ROOT, " %,9d %9.3f", sent, MessageLoad.perCustomer(sent, week.customers())));
            out.println(row);
        }
    }

    private static String abbreviate(String state) {
        return state.equals("not_evaluated") ? "not_eval" : state;
    }

    private void printSignals(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Signals that requested actions (transitions: customer, signal, since): %,d%n",
                rules.signals());
        if (rules.signalsByType().isEmpty()) out.println("  (none)");
        rules.signalsByType().forEach((type, count) -> out.printf(Locale.ROOT, "  %-24s %,10d%n", type, count));
    }

    private void printRules(PrintStream out) {
        out.println();
        out.println("Per rule (a playbook rule's campaign) and journey: signals, actions, messages");
        out.printf(Locale.ROOT, "  %-30s %-8s %9s %9s %9s %9s %9s %9s %9s  %s%n", "unit", "kind", "signals",
                "actions", "sent", "held out", "not sent", "pending", "reached", "not sent because");
        if (rules.rows().isEmpty()) out.println("  (none)");
        for (RuleTally.Row row : rules.rows()) {
            out.printf(Locale.ROOT, "  %-30s %-8s %,9d %,9d %,9d %,9d %,9d %,9d %,9d  %s%n", row.unit(),
                    row.rule() ? "rule" : "journey", row.signalTransitions(), row.actionsRequested(), row.sent(),
                    row.heldOut(), row.notSent(), row.pending(), row.customersReached(), reasons(row.notSentByReason()));
            if (row.rule() && !row.signals().isEmpty()) {
                out.printf(Locale.ROOT, "  %-30s on %s -> %s%n", "", String.join(", ", row.signals()),
                        String.join(", ", row.actions()));
            }
        }
    }

    private static String reasons(Map<String, Long> byReason) {
        if (byReason.isEmpty()) return "-";
        return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void printLoad(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Messages per customer per week: %.4f on average (%,d sent over %,d customer-weeks);"
                + " at most %d to one customer in one week%n", load.perCustomerWeek(), load.sent(),
                load.customerWeeks(), load.maxInAWeek());
        out.printf(Locale.ROOT, "  customer-weeks with 1 message %,d, with 2 %,d, with 3 or more %,d%n",
                load.weeksWithCount().getOrDefault(1, 0L), load.weeksWithCount().getOrDefault(2, 0L),
                load.weeksWithAtLeast(3));
    }

    private static void printLapse(PrintStream out, LapseReach l) {
        out.println();
        out.printf(Locale.ROOT, "Lapse reach: calibration up to %s, holdout period %s to %s%n", l.calibrationEnd(),
                l.calibrationEnd().plusDays(1), l.holdoutEnd());
        out.println("  lapsed: bought in the calibration period and never in the holdout period; lapse point: the"
                + " calibration end");
        out.println("  reached: a marketing message decided (sent, or held out for measurement) after their last"
                + " purchase and before the lapse point");
        out.printf(Locale.ROOT, "  lapsed customers %,d: reached before lapsing %,d (%s; %,d with a message sent),"
                        + " first reached only afterwards %,d, median %s days from last purchase to first message%n",
                l.lapsed(), l.lapsedReached(), percent(LapseReach.share(l.lapsedReached(), l.lapsed())),
                l.lapsedReachedSent(), l.lapsedReachedLater(), days(l.medianDaysToReach()));
        out.printf(Locale.ROOT, "  for comparison, customers who returned %,d: reached the same way %,d (%s);"
                        + " first purchase in the holdout period (not judged) %,d%n", l.returned(), l.returnedReached(),
                percent(LapseReach.share(l.returnedReached(), l.returned())), l.newInHoldout());
    }

    String resultLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "RESULT replay customers=%d events=%d invalid=%d failed=%d weeks=%d signals=%d actions=%d messages_sent=%d"
                        + " held_out=%d messages_per_customer_week=%.4f max_messages_customer_week=%d",
                customers, run.fed(), invalid, run.failed(), run.weeks().size(), rules.signals(), rules.actions(),
                rules.sent(), rules.heldOut(), load.perCustomerWeek(), load.maxInAWeek()));
        lapse.ifPresent(l -> line.append(String.format(Locale.ROOT,
                " lapsed=%d reached_before_lapse=%d reached_share=%.4f returned=%d returned_reached=%d",
                l.lapsed(), l.lapsedReached(), LapseReach.share(l.lapsedReached(), l.lapsed()), l.returned(),
                l.returnedReached())));
        line.append(String.format(Locale.ROOT, " elapsed_s=%.1f", run.elapsed().toMillis() / 1000.0));
        return line.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String days(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
    }
}
