package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.RuleLift;

import java.util.ArrayList;
import java.util.List;

/**
 * The lift of each rule and journey as a dot on its 95% interval, around a line at zero: an
 * interval wholly right of zero is a rule that works, wholly left one that does harm.
 */
record IntervalChart(String id, String title, String description, List<RuleLift> lifts) implements Chart {

    private static final int ROW = 30;
    private static final int LABELS = 230;
    private static final String POSITIVE = Palette.colour(2);
    private static final String NEGATIVE = Palette.colour(5);
    private static final String UNSURE = Palette.colour(0);

    @Override
    public boolean hasData() {
        return lifts.stream().anyMatch(RuleLift::measurable);
    }

    @Override
    public String svg() {
        Frame frame = new Frame(this, 36 + 8 + lifts.size() * ROW + 44, LABELS);
        Svg svg = frame.begin();
        frame.legend(svg, List.of("interval above zero", "interval includes zero", "interval below zero"),
                List.of(POSITIVE, UNSURE, NEGATIVE));
        double low = 0;
        double high = 0;
        for (RuleLift lift : lifts) {
            if (!lift.measurable()) continue;
            low = Math.min(low, lift.lower());
            high = Math.max(high, lift.upper());
        }
        LinearScale x = LinearScale.nice(low, high, frame.left, frame.right, 6);
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double tick : x.ticks(6)) {
            positions.add(x.map(tick));
            labels.add(tick == 0 ? "0" : Markup.wholePoints(tick));
            svg.leaf("line", "x1", Markup.coordinate(x.map(tick)), "x2", Markup.coordinate(x.map(tick)),
                    "y1", Markup.coordinate(frame.top), "y2", Markup.coordinate(frame.bottom),
                    "class", tick == 0 ? "zero" : "grid");
        }
        for (int i = 0; i < lifts.size(); i++) {
            RuleLift lift = lifts.get(i);
            double middle = frame.top + i * ROW + ROW / 2.0 + 4;
            String y = Markup.coordinate(middle);
            svg.text("text", lift.unit(), "x", Markup.coordinate(frame.left - 8), "y", y, "text-anchor", "end",
                    "dominant-baseline", "middle");
            if (!lift.measurable()) {
                svg.text("text", "not measurable yet (" + Markup.count(lift.treated()) + " treated, "
                                + Markup.count(lift.holdout()) + " held out)", "x", Markup.coordinate(frame.left + 6),
                        "y", y, "dominant-baseline", "middle", "class", "note");
                continue;
            }
            String colour = lift.lower() > 0 ? POSITIVE : lift.upper() < 0 ? NEGATIVE : UNSURE;
            String summary = lift.unit() + ": lift " + Markup.points(lift.lift()) + ", 95% interval ["
                    + Markup.points(lift.lower()) + ", " + Markup.points(lift.upper()) + "]; treated "
                    + Markup.count(lift.treated()) + " at " + Markup.percent(lift.treatedRate()) + ", held out "
                    + Markup.count(lift.holdout()) + " at " + Markup.percent(lift.holdoutRate());
            svg.open("g", "class", "mark", "data-series", lift.unit())
                    .text("title", summary)
                    .leaf("line", "x1", Markup.coordinate(x.map(lift.lower())), "x2",
                            Markup.coordinate(x.map(lift.upper())), "y1", y, "y2", y, "stroke", colour,
                            "stroke-width", "3")
                    .leaf("circle", "cx", Markup.coordinate(x.map(lift.lift())), "cy", y, "r", "5", "fill", colour)
                    .close("g");
        }
        frame.categoryAxis(svg, positions, labels, "absolute lift in conversion (treated minus held out)");
        return frame.end(svg);
    }
}
