package dev.winback.local.report;

/**
 * One figure of the report: its name, what it shows in words (the SVG's accessible title and
 * description), and the SVG itself. A chart without data draws nothing; the page says so instead.
 */
sealed interface Chart permits StackedAreaChart, GroupedBarChart, HorizontalBarChart, IntervalChart, RocChart {

    /** Unique on the page, usable as an HTML id. */
    String id();

    String title();

    String description();

    boolean hasData();

    /** The chart as an inline SVG element; every data mark carries the class {@code mark}. */
    String svg();
}
