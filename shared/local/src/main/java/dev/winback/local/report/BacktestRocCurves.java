package dev.winback.local.report;

import dev.winback.core.model.Backtest;
import dev.winback.core.model.BacktestReport;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.TransactionLogParser;
import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;

/**
 * The ROC curves of the purchase-model backtest on a transaction log, named for the report: the fitted
 * risk ranking beside recency, BG/NBD and logistic RFM, as {@code run-local backtest --elog} ranks them.
 */
public final class BacktestRocCurves {

    /** The backtest command's seed, so that the report draws the curves the command's AUCs describe. */
    private static final long SAMPLING_SEED = 20050401L;

    private BacktestRocCurves() {
    }

    public static List<RocCurve> of(Path transactionLog, LocalDate calibrationEnd) throws IOException {
        BacktestReport report = Backtest.run(
                TransactionLogParser.parse(Files.readAllLines(transactionLog, StandardCharsets.UTF_8)),
                calibrationEnd, OptionalInt.empty(), PurchaseModelType.BG_NBD, FitSettings.defaults(),
                new Random(SAMPLING_SEED));
        BacktestReport.RocCurves curves = report.rocCurves();
        return List.of(
                named("model", curves.model(), report.aucModel()),
                named("recency", curves.recency(), report.aucRecency()),
                named("bgnbd", curves.bgNbd(), report.aucBgNbd()),
                named("rfm", curves.rfm(), report.aucRfm()));
    }

    private static RocCurve named(String name, dev.winback.core.model.RocCurve curve, OptionalDouble auc) {
        List<RocPoint> points = curve.points().stream()
                .map(p -> new RocPoint(p.falsePositiveRate(), p.truePositiveRate()))
                .toList();
        return new RocCurve(name, points, auc.orElse(Double.NaN));
    }
}
