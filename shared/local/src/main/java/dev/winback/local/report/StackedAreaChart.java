package dev.winback.local.report;

import dev.winback.local.report.RetentionReport.StateSample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Customers by lifecycle state over the run, stacked: one band per state, as sampled. */
record StackedAreaChart(String id, String title, String description, List<StateSample> samples) implements Chart {

    private static final int HEIGHT = 340;

    @Override
    public boolean hasData() {
        return samples.stream().anyMatch(s -> s.customers() > 0);
    }

    @Override
    public String svg() {
        Frame frame = new Frame(this, HEIGHT, 64);
        Svg svg = frame.begin();
        List<String> states = new ArrayList<>(new TreeSet<>(samples.stream()
                .flatMap(s -> s.customersByState().keySet().stream()).toList()));
        long most = samples.stream().mapToLong(StateSample::customers).max().orElse(0);
        LinearScale y = LinearScale.nice(0, most, frame.bottom, frame.top, 5);
        // One sample spans the whole width, so it still reads as a band.
        List<StateSample> points = samples.size() == 1 ? List.of(samples.getFirst(), samples.getFirst()) : samples;
        long first = samples.getFirst().at().getEpochSecond();
        long last = samples.getLast().at().getEpochSecond();
        LinearScale x = new LinearScale(0, Math.max(1, points.size() - 1), frame.left, frame.right);
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) colours.add(Palette.colour(i));
        frame.legend(svg, states, colours);
        frame.valueAxis(svg, y, v -> Markup.count((long) v), "customers");
        double[] below = new double[points.size()];
        for (int s = 0; s < states.size(); s++) {
            String state = states.get(s);
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            double[] above = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                above[i] = below[i] + points.get(i).customersByState().getOrDefault(state, 0L);
                upper.append(i == 0 ? "M" : "L").append(Markup.coordinate(x.map(i))).append(',')
                        .append(Markup.coordinate(y.map(above[i])));
            }
            for (int i = points.size() - 1; i >= 0; i--) {
                lower.append('L').append(Markup.coordinate(x.map(i))).append(',').append(Markup.coordinate(y.map(below[i])));
            }
            StateSample end = samples.getLast();
            svg.open("path", "d", upper + " " + lower + "Z", "fill", colours.get(s), "fill-opacity", "0.85",
                            "class", "mark", "data-series", state)
                    .text("title", state + ": " + Markup.count(end.customersByState().getOrDefault(state, 0L))
                            + " customers at the end")
                    .close("path");
            below = above;
        }
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int every = Math.max(1, (samples.size() + 7) / 8);
        for (int i = 0; i < samples.size(); i += every) {
            positions.add(samples.size() == 1 ? (frame.left + frame.right) / 2 : x.map(i));
            labels.add(LocalDate.ofInstant(samples.get(i).at(), ZoneOffset.UTC).toString());
        }
        frame.categoryAxis(svg, positions, labels, samples.size() == 1 ? "one sample, at the end of the run (UTC)"
                : samples.size() + " samples over " + (last - first) / 86_400 + " days (UTC)");
        return frame.end(svg);
    }
}
