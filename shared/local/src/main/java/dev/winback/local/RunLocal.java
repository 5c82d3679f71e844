package dev.winback.local;

import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.local.backtest.BacktestCommand;
import dev.winback.local.backtest.replay.ReplayCommand;
import dev.winback.local.demo.DemoCatalog;
import dev.winback.local.demo.DemoRun;
import dev.winback.local.demo.GroundTruthDemo;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.dynamodb.CallSites;
import dev.winback.local.runtime.dynamodb.SdkCallCounter;
import dev.winback.local.demo.DemoSummary;
import dev.winback.local.demo.RuleOutcomes;
import dev.winback.local.report.BacktestRocCurves;
import dev.winback.local.report.LifecycleSampler;
import dev.winback.local.report.ReportCollector;
import dev.winback.local.report.ReportFiles;
import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RocCurves;
import dev.winback.local.demo.SyntheticConfig;
import dev.winback.local.demo.SyntheticCustomerBase;
import dev.winback.local.cli.CliArgs;
import dev.winback.local.cli.UsageException;
import dev.winback.local.runtime.http.LocalHttpServer;
import dev.winback.local.runtime.template.HttpRoute;
import dev.winback.local.runtime.template.TemplateException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The run-local command: the demo (default), the API on localhost, and the backtest.
 * Exit codes: 0 done, 1 failed, 2 bad command line.
 */
public final class RunLocal {

    static final String USAGE = """
            usage: run-local [demo] [--customers N] [--days D] [--seed S] [--out DIR] [ROC options]
                   run-local report [--customers N] [--days D] [--seed S] [--out DIR] [ROC options]
                   run-local serve [--port P] [--start INSTANT]
                   run-local backtest [backtest options]
                   run-local --help

              demo      generate a synthetic customer base, feed its events through the ingest
                        function on DynamoDB Local and a virtual clock, then summarise what was stored
                        (defaults: --customers %d --days %d --seed %d); ends by writing the report
              report    the demo, printing only where it wrote the report: an HTML page with charts and
                        its figures as JSON, in --out (default: target/report at the repository root);
                        ROC options: --elog FILE --calibration-end YYYY-MM-DD draws the ROC curves of
                        the purchase-model backtest on that transaction log (as backtest --elog ranks),
                        or --roc FILE reads curves from a JSON list of {name, auc, points: [[fpr, tpr], ...]}
              serve     run the HTTP API on localhost (default port 8080) until Ctrl-C, with local-only
                        routes to move the virtual clock and run due schedules; --start sets where the
                        virtual clock begins (default: now)
              backtest  replay history and measure the engine's decisions:
                        backtest --elog FILE --calibration-end YYYY-MM-DD
                          the purchase model: how well it ranks who will not buy again
                        %s

            every command also takes --template PATH (default: template.yaml at the repository root)
            """.formatted(SyntheticConfig.DEFAULT_CUSTOMERS, SyntheticConfig.DEFAULT_DAYS, SyntheticConfig.DEFAULT_SEED,
            ReplayCommand.USAGE.replace("\n", "\n            "));

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private RunLocal() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // DynamoDB Local and progress threads are stopped by then; exit anyway so nothing lingers.
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args);
        if (all.contains("--help") || all.contains("-h") || all.contains("help")) {
            out.print(USAGE);
            return OK;
        }
        boolean explicit = !all.isEmpty() && !all.getFirst().startsWith("--");
        String command = explicit ? all.getFirst() : "demo";
        List<String> rest = explicit ? all.subList(1, all.size()) : all;
        try {
            return switch (command) {
                case "demo" -> demo(CliArgs.parse("demo", rest,
                        Set.of("customers", "days", "seed", "template", "out", "elog", "calibration-end")),
                        out, err, false);
                case "report" -> demo(CliArgs.parse("report", rest,
                        Set.of("customers", "days", "seed", "template", "out", "roc", "elog", "calibration-end")), out, err, true);
                case "serve" -> serve(CliArgs.parse("serve", rest, Set.of("port", "start", "template")), out);
                case "backtest" -> backtest(rest, out, err);
                default -> throw new UsageException("unknown command \"" + command + "\"");
            };
        } catch (UsageException e) {
            err.println("run-local: " + e.getMessage());
            err.println("try: run-local --help");
            return USAGE_ERROR;
        } catch (TemplateException e) {
            err.println("run-local: the template cannot run locally: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("run-local: " + command + " failed: " + describe(e));
            return FAILED;
        }
    }

    /** @param reportOnly print only where the report went, not the demo's summary */
    private static int demo(CliArgs args, PrintStream out, PrintStream err, boolean reportOnly) {
        long customers = args.number("customers", SyntheticConfig.defaults().customers(), 1, 10_000_000);
        long days = args.number("days", SyntheticConfig.defaults().days(), 1, 3650);
        long seed = args.number("seed", SyntheticConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        List<RocCurve> rocCurves = rocCurves(args);
        DemoInput input = syntheticEvents(customers, days, seed);
        try (LocalRuntime runtime = LocalRuntime.start(template(args), 0, input.start(),
                LocalRuntime.DynamoDbAccess.EMBEDDED, DemoRun.RUNS_PER_TICK)) {
            err.printf("local runtime up in %d ms; feeding %,d events from %,d customers over %d days (seed %d)%n",
                    runtime.startupMillis(), input.total(), customers, days, seed);
            // The shop's running gear, as an operator would import it: cross-sell and reminders need it.
            DemoCatalog.activate(runtime.journeys());
            SdkCallCounter.reset();
            CallSites.reset();
            ReportCollector report = new ReportCollector(runtime);
            LifecycleSampler sampler = report.sampler();
            DemoSummary summary = new DemoRun(runtime, err).afterEachTick(sampler::afterTick).run(input.events(), input.total());
            Path html = ReportFiles.write(report.collect(input.start(), sampler).withRocCurves(rocCurves),
                    reportDirectory(args));
            if (reportOnly) {
                out.println("report: " + html.toUri());
                out.println("figures: " + html.resolveSibling(ReportFiles.JSON).toUri());
                return OK;
            }
            summary.print(out);
            runtime.journeyTally().print(out);
            SdkCallCounter.Counts calls = SdkCallCounter.snapshot();
            out.println();
            runtime.evaluationSummary().print(out);
            out.println();
            runtime.delivery().tally().print(out, runtime.delivery().requests(), runtime.delivery().notMessages());
            out.println();
            calls.print(out, input.total());
            CallSites.print(out, calls.totalCalls() / 1000);
            out.println();
            RuleOutcomes.print(runtime, input.start(), runtime.clock().instant(), out);
            out.println();
            out.println("Report: " + html.toUri() + " (figures: " + ReportFiles.JSON + " beside it)");
        }
        out.println();
        GroundTruthDemo.print(template(args), Math.toIntExact(customers), seed, out, err);
        return OK;
    }

    private static List<RocCurve> rocCurves(CliArgs args) {
        Optional<String> elog = args.text("elog");
        if (elog.isPresent()) {
            String end = args.text("calibration-end")
                    .orElseThrow(() -> new UsageException("--elog needs --calibration-end YYYY-MM-DD"));
            try {
                return BacktestRocCurves.of(Path.of(elog.get()), LocalDate.parse(end));
            } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw new UsageException("--elog " + elog.get() + ": " + e.getMessage());
            }
        }
        Optional<String> file = args.text("roc");
        if (file.isEmpty()) return List.of();
        try {
            return RocCurves.read(Path.of(file.get()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--roc " + file.get() + ": " + e.getMessage());
        }
    }

    private static Path reportDirectory(CliArgs args) {
        return Path.of(args.text("out").orElseGet(() ->
                Path.of(System.getProperty("winback.root", "."), "target", "report").toString()));
    }

    /** Events for the demo: contract v1 JSON, time-ordered, how many, and when the first can happen. */
    record DemoInput(Iterable<String> events, long total, Instant start) {
    }

    /** The one place the synthetic customer base is wired into the demo. */
    static DemoInput syntheticEvents(long customers, long days, long seed) {
        SyntheticCustomerBase base = SyntheticCustomerBase.generate(SyntheticConfig.defaults()
                .withCustomers(Math.toIntExact(customers)).withDays(Math.toIntExact(days)).withSeed(seed));
        EventJsonWriter writer = new EventJsonWriter();
        Iterable<String> json = () -> base.events().map(writer::toJson).iterator();
        return new DemoInput(json, base.eventCount(), base.config().start());
    }

    private static int serve(CliArgs args, PrintStream out) {
        int port = (int) args.number("port", LocalHttpServer.DEFAULT_PORT, 0, 65535);
        Instant start = args.instant("start").orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        LocalRuntime runtime = LocalRuntime.start(template(args), port, start);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runtime.close();
                System.err.println("run-local: stopped");
            } finally {
                stopped.countDown();
            }
        }, "run-local-shutdown"));
        out.print(ServeBanner.text(runtime));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int backtest(List<String> args, PrintStream out, PrintStream err) {
        if (ReplayCommand.handles(args)) return ReplayCommand.run(args, out, err);
        return BacktestCommand.run(args.toArray(String[]::new), out);
    }

    private static Path template(CliArgs args) {
        return Path.of(args.text("template").orElseGet(() -> System.getProperty("winback.template", "template.yaml")));
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    /** What serve prints once the API is up: where it is and requests to try. */
    static final class ServeBanner {

        private ServeBanner() {
        }

        static String text(LocalRuntime runtime) {
            String base = runtime.server().baseUri().toString();
            StringBuilder text = new StringBuilder()
                    .append("Winback local API on ").append(base).append('\n')
                    .append("  virtual clock ").append(runtime.clock().instant())
                    .append(", tables ").append(runtime.tables().values())
                    .append(", started in ").append(runtime.startupMillis()).append(" ms\n\n")
                    .append("Routes from the template:\n");
            for (HttpRoute route : runtime.server().routes()) {
                text.append("  ").append(route.routeKey()).append("  -> ").append(route.functionId()).append('\n');
            }
            text.append("\nTry:\n");
            for (HttpRoute route : runtime.server().routes()) {
                text.append("  ").append(curl(base, route, runtime.clock().instant())).append('\n');
            }
            text.append("  curl -s ").append(base).append("/local/clock\n")
                    .append("  curl -s -X POST ").append(base)
                    .append("/local/clock -H 'content-type: application/json' -d '{\"advance\":\"P7D\"}'\n")
                    .append("  curl -s -X POST ").append(base)
                    .append("/local/clock -H 'content-type: application/json' -d '{\"set\":\"2026-11-23T00:00:00Z\"}'\n")
                    .append("  curl -s -X POST ").append(base).append("/local/tick\n")
                    .append("\nCtrl-C stops it.\n");
            return text.toString();
        }

        private static String curl(String base, HttpRoute route, Instant now) {
            if (route.isDefault()) {
                return "curl -s " + base + "/";
            }
            String path = route.path().replaceAll("\\{([A-Za-z0-9_]+)\\+?}", "cust-0001");
            String method = route.method().equals(HttpRoute.ANY) ? "GET" : route.method();
            if (method.equals("GET") || method.equals("DELETE")) {
                return "curl -s " + (method.equals("GET") ? "" : "-X DELETE ") + base + path;
            }
            return "curl -s -X " + method + " " + base + path
                    + " -H 'content-type: application/json' -d '" + sampleEvent(now) + "'";
        }

        /** A POST /v1/events body with one contract v1 event. */
        private static String sampleEvent(Instant now) {
            return "{\"events\":[{\"eventId\":\"evt-0001\",\"customerId\":\"cust-0001\",\"type\":\"session_started\","
                    + "\"occurredAt\":\"" + now + "\",\"properties\":{\"platform\":\"app\"}}]}";
        }
    }
}
