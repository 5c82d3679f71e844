package dev.winback.local.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The parts every chart shares: the SVG root with its accessible title and description, the plot
 * area inside the margins, a legend row above it, and the axes with their grid.
 */
final class Frame {

    static final int WIDTH = 760;
    private static final int LEGEND_HEIGHT = 28;
    private static final int BOTTOM = 44;
    private static final int RIGHT = 24;

    private final Chart chart;
    private final int height;
    final double left;
    final double top;
    final double right;
    final double bottom;

    /** @param leftMargin room for the labels of the vertical axis */
    Frame(Chart chart, int height, int leftMargin) {
        this.chart = chart;
        this.height = height;
        this.left = leftMargin;
        this.top = LEGEND_HEIGHT + 8;
        this.right = WIDTH - RIGHT;
        this.bottom = height - BOTTOM;
    }

    Svg begin() {
        String titleId = chart.id() + "-title";
        String descId = chart.id() + "-desc";
        return new Svg().open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + WIDTH + " " + height,
                        "width", Integer.toString(WIDTH), "height", Integer.toString(height), "role", "img",
                        "aria-labelledby", titleId + " " + descId, "class", "chart")
                .text("title", chart.title(), "id", titleId)
                .text("desc", chart.description(), "id", descId);
    }

    String end(Svg svg) {
        return svg.close("svg").toString();
    }

    /** Swatches and names in a row above the plot. */
    void legend(Svg svg, List<String> names, List<String> colours) {
        svg.open("g", "class", "legend", "aria-label", "legend");
        double x = left;
        for (int i = 0; i < names.size(); i++) {
            svg.leaf("rect", "x", Markup.coordinate(x), "y", "8", "width", "12", "height", "12", "fill", colours.get(i));
            svg.text("text", names.get(i), "x", Markup.coordinate(x + 17), "y", "18", "class", "legend-label");
            x += 30 + 7.2 * names.get(i).length();
        }
        svg.close("g");
    }

    /** Grid lines and labels of a vertical value axis, with the axis's name rotated beside it. */
    void valueAxis(Svg svg, LinearScale scale, DoubleFunction<String> label, String name) {
        svg.open("g", "class", "axis y-axis");
        for (double tick : scale.ticks(5)) {
            String y = Markup.coordinate(scale.map(tick));
            svg.leaf("line", "x1", Markup.coordinate(left), "x2", Markup.coordinate(right), "y1", y, "y2", y,
                    "class", "grid");
            svg.text("text", label.apply(tick), "x", Markup.coordinate(left - 6), "y", y, "text-anchor", "end",
                    "dominant-baseline", "middle");
        }
        double middle = (top + bottom) / 2;
        svg.text("text", name, "x", "14", "y", Markup.coordinate(middle), "text-anchor", "middle",
                "transform", "rotate(-90 14 " + Markup.coordinate(middle) + ")", "class", "axis-name");
        svg.close("g");
    }

    /** Labels under the plot at the given positions, and the axis's name below them. */
    void categoryAxis(Svg svg, List<Double> positions, List<String> labels, String name) {
        svg.open("g", "class", "axis x-axis");
        svg.leaf("line", "x1", Markup.coordinate(left), "x2", Markup.coordinate(right), "y1",
                Markup.coordinate(bottom), "y2", Markup.coordinate(bottom), "class", "baseline");
        for (int i = 0; i < positions.size(); i++) {
            double x = positions.get(i);
            // Labels at the plot's edges grow inwards, so they stay inside the picture.
            String anchor = x > right - 30 ? "end" : x < left + 30 ? "start" : "middle";
            svg.text("text", labels.get(i), "x", Markup.coordinate(x), "y", Markup.coordinate(bottom + 16),
                    "text-anchor", anchor);
        }
        svg.text("text", name, "x", Markup.coordinate((left + right) / 2), "y", Markup.coordinate(bottom + 36),
                "text-anchor", "middle", "class", "axis-name");
        svg.close("g");
    }
}
