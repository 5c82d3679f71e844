package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ROC curves of the backtest's rankings on one square plot, with chance as the diagonal. */
record RocChart(String id, String title, String description, List<RocCurve> curves) implements Chart {

    private static final int HEIGHT = 520;

    @Override
    public boolean hasData() {
        return curves.stream().anyMatch(c -> c.points().size() >= 2);
    }

    @Override
    public String svg() {
        Frame frame = new Frame(this, HEIGHT, 64);
        Svg svg = frame.begin();
        double side = Math.min(frame.right - frame.left, frame.bottom - frame.top);
        LinearScale x = new LinearScale(0, 1, frame.left, frame.left + side);
        LinearScale y = new LinearScale(0, 1, frame.bottom, frame.bottom - side);
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            RocCurve curve = curves.get(i);
            names.add(Double.isFinite(curve.auc())
                    ? String.format(Locale.ROOT, "%s (AUC %.4f)", curve.name(), curve.auc()) : curve.name());
            colours.add(Palette.colour(i));
        }
        frame.legend(svg, names, colours);
        frame.valueAxis(svg, y, v -> String.format(Locale.ROOT, "%.1f", v), "true positive rate");
        svg.leaf("line", "x1", Markup.coordinate(x.map(0)), "y1", Markup.coordinate(y.map(0)), "x2",
                Markup.coordinate(x.map(1)), "y2", Markup.coordinate(y.map(1)), "class", "chance");
        for (int i = 0; i < curves.size(); i++) {
            RocCurve curve = curves.get(i);
            if (curve.points().size() < 2) continue;
            StringBuilder d = new StringBuilder();
            for (RocPoint point : curve.points()) {
                d.append(d.isEmpty() ? "M" : "L").append(Markup.coordinate(x.map(point.falsePositiveRate()))).append(',')
                        .append(Markup.coordinate(y.map(point.truePositiveRate())));
            }
            svg.open("path", "d", d.toString(), "fill", "none", "stroke", colours.get(i), "stroke-width", "2",
                            "class", "mark", "data-series", curve.name())
                    .text("title", names.get(i))
                    .close("path");
        }
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double tick : x.ticks(5)) {
            positions.add(x.map(tick));
            labels.add(String.format(Locale.ROOT, "%.1f", tick));
        }
        frame.categoryAxis(svg, positions, labels, "false positive rate");
        return frame.end(svg);
    }
}
