package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestRocCurvesTest {

    private static final Path CDNOW = Path.of("../core/src/test/resources/cdnow/CDNOW_sample.txt");

    @Test
    void drawsEachRankingOfTheBacktestWithItsAreaAsItsAuc() throws Exception {
        List<RocCurve> curves = BacktestRocCurves.of(CDNOW, LocalDate.parse("1997-09-30"));

        assertEquals(List.of("model", "recency", "bgnbd", "rfm"), curves.stream().map(RocCurve::name).toList());
        for (RocCurve curve : curves) {
            assertEquals(curve.auc(), trapezoidArea(curve.points()), 1e-9, curve.name());
            assertTrue(curve.points().size() > 100, curve.name() + " has a point per distinct score");
        }
        double model = curves.getFirst().auc();
        curves.stream().skip(1).forEach(baseline ->
                assertTrue(model > baseline.auc(), "model " + model + " against " + baseline.name() + " " + baseline.auc()));
    }

    private static double trapezoidArea(List<RocPoint> points) {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            RocPoint a = points.get(i - 1);
            RocPoint b = points.get(i);
            area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }
        return area;
    }
}
