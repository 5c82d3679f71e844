package dev.winback.local.report;

import java.util.ArrayList;
import java.util.List;

/** Bars side by side per category (a week), one colour per series. */
record GroupedBarChart(String id, String title, String description, List<String> categories, List<String> series,
                       List<long[]> values, String categoryName, String valueName) implements Chart {

    private static final int HEIGHT = 340;

    /** @param values one array per category, one value per series */
    GroupedBarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        values = List.copyOf(values);
        if (values.size() != categories.size()) throw new IllegalArgumentException("one value array per category");
    }

    @Override
    public boolean hasData() {
        return values.stream().anyMatch(v -> java.util.Arrays.stream(v).anyMatch(n -> n > 0));
    }

    @Override
    public String svg() {
        Frame frame = new Frame(this, HEIGHT, 64);
        Svg svg = frame.begin();
        long most = values.stream().flatMapToLong(java.util.Arrays::stream).max().orElse(0);
        LinearScale y = LinearScale.nice(0, most, frame.bottom, frame.top, 5);
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) colours.add(Palette.colour(i));
        frame.legend(svg, series, colours);
        frame.valueAxis(svg, y, v -> Markup.count((long) v), valueName);
        double band = (frame.right - frame.left) / Math.max(1, categories.size());
        double bar = band * 0.8 / Math.max(1, series.size());
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int every = Math.max(1, (categories.size() + 9) / 10);
        for (int c = 0; c < categories.size(); c++) {
            double start = frame.left + c * band + band * 0.1;
            for (int s = 0; s < series.size(); s++) {
                long value = values.get(c)[s];
                if (value <= 0) continue;
                double top = y.map(value);
                svg.open("rect", "x", Markup.coordinate(start + s * bar), "y", Markup.coordinate(top),
                                "width", Markup.coordinate(Math.max(1, bar - 1)),
                                "height", Markup.coordinate(frame.bottom - top), "fill", colours.get(s),
                                "class", "mark", "data-series", series.get(s))
                        .text("title", categories.get(c) + ", " + series.get(s) + ": " + Markup.count(value))
                        .close("rect");
            }
            if (c % every == 0) {
                positions.add(frame.left + (c + 0.5) * band);
                labels.add(categories.get(c));
            }
        }
        frame.categoryAxis(svg, positions, labels, categoryName);
        return frame.end(svg);
    }
}
