package dev.winback.local.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One bar per label, longest first, with the count at its end: for categories with long names. */
record HorizontalBarChart(String id, String title, String description, Map<String, Long> counts, String valueName)
        implements Chart {

    private static final int ROW = 24;
    private static final int LABELS = 230;

    @Override
    public boolean hasData() {
        return counts.values().stream().anyMatch(n -> n > 0);
    }

    @Override
    public String svg() {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Frame frame = new Frame(this, 36 + 8 + rows.size() * ROW + 44, LABELS);
        Svg svg = frame.begin();
        frame.legend(svg, List.of(valueName), List.of(Palette.colour(0)));
        long most = rows.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
        LinearScale x = LinearScale.nice(0, most, frame.left, frame.right - 60, 5);
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double tick : x.ticks(5)) {
            positions.add(x.map(tick));
            labels.add(Markup.count((long) tick));
            svg.leaf("line", "x1", Markup.coordinate(x.map(tick)), "x2", Markup.coordinate(x.map(tick)),
                    "y1", Markup.coordinate(frame.top), "y2", Markup.coordinate(frame.bottom), "class", "grid");
        }
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Long> row = rows.get(i);
            double top = frame.top + i * ROW + 3;
            double middle = top + (ROW - 6) / 2.0;
            svg.text("text", row.getKey(), "x", Markup.coordinate(frame.left - 8), "y", Markup.coordinate(middle),
                    "text-anchor", "end", "dominant-baseline", "middle");
            if (row.getValue() <= 0) continue;
            double end = x.map(row.getValue());
            svg.open("rect", "x", Markup.coordinate(frame.left), "y", Markup.coordinate(top),
                            "width", Markup.coordinate(Math.max(1, end - frame.left)), "height",
                            Integer.toString(ROW - 6), "fill", Palette.colour(0), "class", "mark",
                            "data-series", row.getKey())
                    .text("title", row.getKey() + ": " + Markup.count(row.getValue()))
                    .close("rect");
            svg.text("text", Markup.count(row.getValue()), "x", Markup.coordinate(end + 5), "y",
                    Markup.coordinate(middle), "dominant-baseline", "middle", "class", "value");
        }
        frame.categoryAxis(svg, positions, labels, valueName);
        return frame.end(svg);
    }
}
