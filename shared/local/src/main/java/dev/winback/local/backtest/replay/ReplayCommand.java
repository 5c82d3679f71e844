package dev.winback.local.backtest.replay;

import dev.winback.adapters.config.HoldoutConfig;
import dev.winback.core.model.TransactionLogParser;
import dev.winback.local.cli.CliArgs;
import dev.winback.local.cli.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code backtest --events FILE} or {@code backtest --transactions FILE}: the playbook backtest.
 * Replays a history through the local runtime with delivery in dry run and reports what the
 * playbook would have done ({@link ReplayReport}). {@code backtest --elog} stays the purchase-model
 * backtest.
 */
public final class ReplayCommand {

    public static final String USAGE = """
            backtest --events FILE [--calibration-end YYYY-MM-DD]
            backtest --transactions FILE [--calibration-end YYYY-MM-DD] [--currency USD]
              the playbook: replays a history through ingest, evaluation and delivery on the virtual
              clock, delivery in dry run (ledger written, nothing sent); reports customers by state per
              week, signals, actions and messages per rule, messages per customer per week and, with
              --calibration-end, how many customers who lapsed afterwards were reached in time.
              --events: contract v1 events, one JSON object a line; --transactions: a transaction log
              (assumed: purchases on the web, an email address and email consent for every customer)""";

    static final Set<String> OPTIONS = Set.of("events", "transactions", "calibration-end", "currency", "template");
    static final String DEFAULT_CURRENCY = "USD";

    private ReplayCommand() {
    }

    /** Whether a backtest command line asks for the replay rather than the purchase-model backtest. */
    public static boolean handles(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--events") || a.startsWith("--events=")
                || a.equals("--transactions") || a.startsWith("--transactions="));
    }

    /** @throws UsageException for a bad command line; other runtime exceptions for unreadable input */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CliArgs options = CliArgs.parse("backtest", args, OPTIONS);
        Optional<String> events = options.text("events");
        Optional<String> transactions = options.text("transactions");
        if (events.isPresent() == transactions.isPresent()) {
            throw new UsageException("backtest: give either --events FILE or --transactions FILE");
        }
        if (events.isPresent() && options.text("currency").isPresent()) {
            throw new UsageException("backtest: --currency applies to --transactions only");
        }
        Optional<LocalDate> calibrationEnd = options.text("calibration-end").map(ReplayCommand::date);
        Path template = Path.of(options.text("template")
                .orElseGet(() -> System.getProperty("winback.template", "template.yaml")));
        Path file = Path.of(events.or(() -> transactions).orElseThrow());
        List<String> lines = read(file);
        String source;
        Optional<String> assumptions;
        ReplayInput input;
        if (events.isPresent()) {
            source = file + " (contract events)";
            assumptions = Optional.empty();
            input = ReplayInput.of(lines);
        } else {
            String currency = options.text("currency").orElse(DEFAULT_CURRENCY);
            source = file + " (transaction log)";
            assumptions = Optional.of(TransactionEvents.ASSUMPTIONS + "; amounts in " + currency);
            input = ReplayInput.of(TransactionEvents.jsonLines(TransactionLogParser.parse(lines), currency));
        }
        calibrationEnd.ifPresent(end -> checkCalibrationEnd(end, input));
        Map<String, String> holdouts = PlaybookReplay.onlyHoldouts(System.getenv());
        PlaybookReplay.Run run = new PlaybookReplay(template, holdouts, err).run(input);
        ReplayReport.of(source, assumptions, HoldoutConfig.fromEnvironment(holdouts), input, run, calibrationEnd)
                .print(out);
        return 0;
    }

    private static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such file: " + file);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("backtest: --calibration-end must be a date YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    /** A holdout period needs purchases on both sides of the calibration end. */
    static void checkCalibrationEnd(LocalDate end, ReplayInput input) {
        List<Instant> all = input.purchases().values().stream().flatMap(List::stream)
                .sorted(Comparator.naturalOrder()).toList();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("--calibration-end needs purchases (purchase_completed events) to judge");
        }
        LocalDate first = LocalDate.ofInstant(all.getFirst(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(all.getLast(), ZoneOffset.UTC);
        if (end.isBefore(first) || !end.isBefore(last)) {
            throw new IllegalArgumentException("--calibration-end must fall from the first purchase (" + first
                    + ") to the day before the last (" + last + "), was " + end);
        }
    }
}
