package dev.winback.local.backtest;

import dev.winback.core.model.Backtest;
import dev.winback.core.model.BacktestReport;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.RiskRankingFit;
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
 * {@code backtest}: fits the purchase model and a risk ranking on a transaction log up to a calibration
 * end and reports how well the ranking picks out the customers who did not buy afterwards, next to
 * recency, the purchase model's expected purchases and a logistic RFM ranking.
 */
public final class BacktestCommand {

    static final String USAGE = "usage: backtest --elog FILE --calibration-end YYYY-MM-DD"
            + " [--model bgnbd|mbgnbd] [--horizon-weeks N]"
            + "\n  FILE: customerId,date,amount; id YYYYMMDD quantity amount (CDNow master);"
            + " sampleId masterId YYYYMMDD quantity amount (CDNow sample); or a CSV whose header names"
            + " the customer id, date, amount and optionally quantity columns";
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
        printRanking("risk ranking (model)", report.riskRanking(), out);
        printRanking("RFM baseline", report.rfmRanking(), out);
        out.printf(Locale.ROOT, "AUC for \"no purchase in holdout\": model %s, recency %s, %s expected purchases %s,"
                        + " logistic RFM %s%n", auc(report.aucModel()), auc(report.aucRecency()), arguments.model().label(),
                auc(report.aucBgNbd()), auc(report.aucRfm()));
        out.printf(Locale.ROOT, "RESULT backtest customers=%d r=%.6f alpha=%.6f a=%.6f b=%.6f ll=%.4f auc_model=%s auc_recency=%s"
                        + " auc_bgnbd=%s auc_rfm=%s%n",
                report.customers(), p.r(), p.alpha(), p.a(), p.b(), report.fit().logLikelihood(),
                auc(report.aucModel()), auc(report.aucRecency()), auc(report.aucBgNbd()), auc(report.aucRfm()));
    }

    /** The coefficients by name, per standard deviation of each feature, on the log-odds of lapsing. */
    private static void printRanking(String name, RiskRankingFit fit, PrintStream out) {
        fit.fallbackReason().ifPresentOrElse(
                reason -> out.printf(Locale.ROOT, "%s: not fitted, ranks by expected purchases; %s%n", name, reason),
                () -> out.printf(Locale.ROOT, "%s: fitted at %s on %d customers, %d of whom bought nothing in the next %.1f weeks%n",
                        name, fit.innerCut(), fit.customers(), fit.lapsed(), fit.innerHorizonWeeks()));
        out.printf(Locale.ROOT, "%s log-odds of lapsing, per standard deviation: %s%n", name, fit.ranking().describe());
    }

    private static String auc(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "NaN";
    }
}
