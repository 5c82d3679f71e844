package dev.winback.local.backtest;

import dev.winback.core.model.Backtest;
import dev.winback.core.model.BacktestReport;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.Transaction;
import dev.winback.core.model.TransactionLogParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * {@code backtest}: fits the purchase model on a transaction log up to a calibration end and reports
 * how well it ranks the customers who did not buy afterwards, next to a recency baseline.
 */
public final class BacktestCommand {

    static final String USAGE = "usage: backtest --elog FILE --calibration-end YYYY-MM-DD"
            + " [--model bgnbd|mbgnbd] [--horizon-weeks N]";
    static final int USAGE_ERROR = 2;
    static final int DATA_ERROR = 1;
    /** Only matters for logs larger than the fit's sample size; fixed so that runs repeat. */
    private static final long SAMPLING_SEED = 20050401L;

    private BacktestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        BacktestArguments arguments;
        try {
            arguments = BacktestArguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return USAGE_ERROR;
        }
        if (arguments.helpRequested()) {
            out.println(USAGE);
            return 0;
        }
        if (!Files.isRegularFile(arguments.elog())) {
            out.println("error: no such file: " + arguments.elog());
            return DATA_ERROR;
        }
        try {
            List<Transaction> log = TransactionLogParser.parse(readLines(arguments.elog()));
            BacktestReport report = Backtest.run(log, arguments.calibrationEnd(), arguments.horizonWeeks(),
                    arguments.model(), FitSettings.defaults(), new Random(SAMPLING_SEED));
            print(report, arguments, out);
            return 0;
        } catch (IOException e) {
            out.println("error: cannot read " + arguments.elog() + ": " + e.getMessage());
            return DATA_ERROR;
        } catch (IllegalArgumentException e) {
            out.println("error: " + arguments.elog() + ": " + e.getMessage());
            return DATA_ERROR;
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static void print(BacktestReport report, BacktestArguments arguments, PrintStream out) {
        BgNbdParameters p = report.fit().parameters();
        out.printf(Locale.ROOT, "Backtest of %s on %s%n", arguments.model().label(), arguments.elog());
        out.printf(Locale.ROOT, "calibration: up to %s; holdout: after it, up to %s (%.1f weeks)%n",
                report.calibrationEnd(), report.holdoutEnd(), report.horizonWeeks());
        out.printf(Locale.ROOT, "customers: %d (%d bought in the holdout)%n", report.customers(), report.holdoutBuyers());
        report.fit().fallbackReason().ifPresent(reason -> out.println("fit: default parameters, " + reason));
        out.printf(Locale.ROOT, "parameters: r=%.4f alpha=%.4f a=%.4f b=%.4f (per week)%n", p.r(), p.alpha(), p.a(), p.b());
        out.printf(Locale.ROOT, "log-likelihood: %.2f over %d customers%n", report.fit().logLikelihood(), report.fit().customers());
        out.printf(Locale.ROOT, "AUC for \"no purchase in holdout\": model %s, recency baseline %s%n",
                auc(report.aucModel()), auc(report.aucRecency()));
        out.printf(Locale.ROOT, "RESULT backtest customers=%d r=%.6f alpha=%.6f a=%.6f b=%.6f ll=%.4f auc_model=%s auc_recency=%s%n",
                report.customers(), p.r(), p.alpha(), p.a(), p.b(), report.fit().logLikelihood(),
                auc(report.aucModel()), auc(report.aucRecency()));
    }

    private static String auc(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "NaN";
    }
}
