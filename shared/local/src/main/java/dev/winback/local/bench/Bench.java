package dev.winback.local.bench;

import dev.winback.local.cli.CliArgs;
import dev.winback.local.cli.UsageException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** scripts/bench: each benchmark prints its figures and ends with one machine-readable RESULT line. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("--help")) {
            out.println("usage: scripts/bench ingest [--customers 20000] [--days 30] [--mode live|replay] [--batch N] [--workers 8|2] [--seed 42]");
            out.println("       scripts/bench coldstart [--runs 3] [--only Function1,Function2] [--probe-options='-Xint']");
            out.println("       scripts/bench evaluate [--customers 100000] [--due-percent 1] [--seed 42]");
            out.println("       scripts/bench deliver [--messages 2000]");
            out.println("       scripts/bench journeys [--customers 100000] [--due-percent 1] [--seed 42]");
            out.println("       scripts/bench segments [--customers 100000] [--percent 1]");
            return args.isEmpty() ? 2 : 0;
        }
        Path template = Path.of(System.getProperty("winback.template", "template.yaml"));
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.getFirst()) {
                case "ingest" -> {
                    CliArgs a = CliArgs.parse("ingest", rest, Set.of("mode", "customers", "days", "batch", "workers", "seed"));
                    IngestBench.Mode mode = IngestBench.mode(a.text("mode").orElse("live"));
                    yield IngestBench.run(new IngestBench.Options(mode, (int) a.number("customers", 20_000, 1, 1_000_000),
                            (int) a.number("days", 30, 1, 3650), (int) a.number("batch", 0, 0, 10_000),
                            (int) a.number("workers", IngestBench.defaultWorkers(mode), 1, 64),
                            a.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE)), template, out);
                }
                case "coldstart" -> {
                    CliArgs a = CliArgs.parse("coldstart", rest, Set.of("runs", "only", "probe-options"));
                    yield ColdStartBench.run((int) a.number("runs", ColdStartBench.RUNS, 1, 99),
                            a.text("only").map(o -> Set.of(o.split(","))),
                            a.text("probe-options").map(o -> List.of(o.trim().split("\\s+"))).orElse(List.of()),
                            template, out);
                }
                case "evaluate" -> {
                    CliArgs a = CliArgs.parse("evaluate", rest, Set.of("customers", "due-percent", "seed"));
                    yield EvaluateBench.run(new EvaluateBench.Options((int) a.number("customers", 100_000, 100, 10_000_000),
                            a.number("due-percent", 1, 1, 10), a.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE)),
                            template, out);
                }
                case "deliver" -> {
                    CliArgs a = CliArgs.parse("deliver", rest, Set.of("messages"));
                    yield DeliverBench.run(new DeliverBench.Options((int) a.number("messages", 2_000, 100, 1_000_000)),
                            template, out);
                }
                case "journeys" -> {
                    CliArgs a = CliArgs.parse("journeys", rest, Set.of("customers", "due-percent", "seed"));
                    yield JourneysBench.run(new JourneysBench.Options((int) a.number("customers", 100_000, 100, 10_000_000),
                            a.number("due-percent", 1, 1, 10), a.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE)),
                            template, out);
                }
                case "segments" -> {
                    CliArgs a = CliArgs.parse("segments", rest, Set.of("customers", "percent"));
                    yield SegmentsBench.run(new SegmentsBench.Options((int) a.number("customers", 100_000, 100, 10_000_000),
                            a.number("percent", 1, 1, 10)), template, out);
                }
                case "outcomes" -> OutcomesBench.run(new OutcomesBench.Options((int) CliArgs.parse("outcomes", rest,
                        Set.of("customers")).number("customers", 2_000, 10, 1_000_000)), template, out);
                default -> {
                    err.println("bench: unknown benchmark \"" + args.getFirst()
                            + "\" (ingest, coldstart, evaluate, deliver, journeys, outcomes, segments)");
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        }
    }
}
