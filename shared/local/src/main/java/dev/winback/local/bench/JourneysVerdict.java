package dev.winback.local.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the journeys timer run scales with the steps due: every due run advanced and its message
 * handed over, in both runs, and a step costing the same capacity at either due count.
 *
 * @param stepRatio  capacity units per step due at the second run over the first (1 when cost follows the steps)
 * @param unitsRatio the first run's capacity units over the second's (the due-count ratio when it does)
 * @param problems   why the benchmark fails; empty when it passes
 */
record JourneysVerdict(JourneysRun first, JourneysRun second, double stepRatio, double unitsRatio,
                       List<String> problems) {

    /** A step that sends saves the journeys item once, after handing its messages to the queue. */
    static final int SAVES_PER_STEP = 1;
    /** Moving an item's timer replaces its entry in the due index: a delete and a put. */
    static final int INDEX_WRITES_PER_MOVE = 2;

    JourneysVerdict {
        problems = List.copyOf(problems);
    }

    static JourneysVerdict of(JourneysSeed.Seeded seeded, JourneysRun first, JourneysRun second, double tolerance) {
        List<String> problems = new ArrayList<>();
        check("run 1", first, seeded.dueBy1(), problems);
        check("run 2", second, seeded.dueBy2(), problems);
        double stepRatio = second.unitsPerStep() / first.unitsPerStep();
        if (!(Math.abs(stepRatio - 1) <= tolerance)) {
            problems.add(String.format(Locale.ROOT, "a step due cost %.3f units at run 2 and %.3f at run 1 (ratio %.2f,"
                    + " more than %.0f%% apart)", second.unitsPerStep(), first.unitsPerStep(), stepRatio, 100 * tolerance));
        }
        double unitsRatio = (first.readUnits() + first.writeUnits()) / (second.readUnits() + second.writeUnits());
        return new JourneysVerdict(first, second, stepRatio, unitsRatio, problems);
    }

    private static void check(String name, JourneysRun run, int expectedDue, List<String> problems) {
        var r = run.report();
        if (r.due() != expectedDue) problems.add(name + ": " + r.due() + " due, " + expectedDue + " seeded due");
        if (r.advanced() != r.due() || r.failed() != 0 || r.upToDate() != 0) {
            problems.add(name + ": of " + r.due() + " due, " + r.advanced() + " advanced, " + r.upToDate()
                    + " found up to date, " + r.failed() + " failed");
        }
        long reviewRequests = run.handedOver().byCampaign().getOrDefault(JourneysSeed.JOURNEY, 0L);
        if (r.sent() != r.due() || run.handedOver().total() != r.due() || reviewRequests != r.due()
                || run.handedOver().customers() != r.due()) {
            problems.add(name + ": " + r.due() + " steps due, " + r.sent() + " messages decided, "
                    + run.handedOver().total() + " handed over (" + reviewRequests + " review requests to "
                    + run.handedOver().customers() + " customers)");
        }
    }

    boolean passed() {
        return problems.isEmpty();
    }

    void print(PrintStream out, int customers, JourneysSeed.Seeded seeded, double seconds) {
        line(out, "timer run 1", first);
        line(out, "timer run 2", second);
        out.printf(Locale.ROOT, "  per step due: run 1 %.3f read + %.3f write units, %.2f requests;"
                        + " run 2 %.3f read + %.3f write units, %.2f requests%n",
                first.readUnitsPerStep(), first.writeUnitsPerStep(), first.requestsPerStep(),
                second.readUnitsPerStep(), second.writeUnitsPerStep(), second.requestsPerStep());
        out.printf(Locale.ROOT, "  finding who is due: index queries %.1f read units (run 1), %.1f (run 2)%n",
                first.indexUnits(), second.indexUnits());
        // The billing rules from the items' sizes: a strong read per 4 KB, a write per 1 KB, and an
        // update that moves an item's timer writes its KEYS_ONLY due-index entry twice (delete, put).
        int reads = ItemSize.readUnits(seeded.journeysBytes()) + ItemSize.readUnits(seeded.recordBytes());
        int writes = SAVES_PER_STEP * (ItemSize.writeUnits(seeded.journeysBytes()) + INDEX_WRITES_PER_MOVE);
        out.printf(Locale.ROOT, "  billing rules at the median item sizes: %d read units per step (the journeys item and"
                + " the record, strongly consistent) + %d write units (the journeys item saved %d time(s), each moving its"
                + " timer in the due index), plus the index queries; measured %.3f + %.3f (run 1)%n",
                reads, writes, SAVES_PER_STEP, first.readUnitsPerStep(), first.writeUnitsPerStep());
        out.printf(Locale.ROOT, "  billed by DynamoDB's rules, per step: run 1 %.3f read + %.3f write units (%.3f of them"
                        + " index writes) = %.3f WRU-eq, $%.2f per million steps; run 2 %.3f + %.3f = %.3f WRU-eq;"
                        + " DynamoDB Local reported %.3f + %.3f (run 1)%n",
                first.billedPerStep().readUnits(), first.billedPerStep().writeUnits(),
                first.billedPerStep().indexWriteUnits(), first.billedPerStep().writeUnitEquivalents(),
                first.billedPerStep().dollars() * 1e6, second.billedPerStep().readUnits(),
                second.billedPerStep().writeUnits(), second.billedPerStep().writeUnitEquivalents(),
                first.readUnitsPerStep(), first.writeUnitsPerStep());
        out.printf(Locale.ROOT, "  billed WRU-eq per step by request (run 1): %s%n", first.billedPerStep().operations());
        out.printf(Locale.ROOT, "  cost per step, run 2 / run 1 = %.3f; run 1 / run 2 in units = %.3f"
                        + " (due %d / %d = %.3f)%n", stepRatio, unitsRatio, first.due(), second.due(),
                (double) first.due() / Math.max(1, second.due()));
        out.printf(Locale.ROOT, "RESULT journeys customers=%d due1=%d due2=%d rru_per_step1=%.3f wru_per_step1=%.3f"
                        + " rru_per_step2=%.3f wru_per_step2=%.3f ratio=%.3f seconds=%.1f units_ratio=%.3f"
                        + " requests_per_step1=%.2f requests_per_step2=%.2f index_rru1=%.1f run_seconds1=%.2f"
                        + " run_seconds2=%.2f %s %s%n",
                customers, first.due(), second.due(), first.readUnitsPerStep(), first.writeUnitsPerStep(),
                second.readUnitsPerStep(), second.writeUnitsPerStep(), stepRatio, seconds, unitsRatio,
                first.requestsPerStep(), second.requestsPerStep(), first.indexUnits(), first.seconds(), second.seconds(),
                first.billedPerStep().resultFields(""), second.billedPerStep().resultFields("_2"));
        problems.forEach(problem -> out.println("FAILED: " + problem));
    }

    private static void line(PrintStream out, String label, JourneysRun run) {
        var r = run.report();
        out.printf(Locale.ROOT, "  %-11s due %,d, advanced %,d, sent %,d, %.2f s, read units %,.1f, write units %,.1f,"
                        + " requests %,d %s%n", label, r.due(), r.advanced(), r.sent(), run.seconds(), run.readUnits(),
                run.writeUnits(), run.requests(), byOperation(run.calls()));
    }

    private static String byOperation(Map<String, Long> calls) {
        StringBuilder text = new StringBuilder("(");
        calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(call -> {
            if (text.length() > 1) text.append(", ");
            text.append(call.getKey().replace("DynamoDb.", "")).append(' ').append(String.format(Locale.ROOT, "%,d", call.getValue()));
        });
        return text.append(')').toString();
    }
}
