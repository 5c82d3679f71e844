package dev.winback.local.report;

import java.util.List;

/**
 * The report as one self-contained HTML document: inline style and inline SVG, no script, no
 * request to anywhere, so it opens from disk on a machine without a network.
 */
final class ReportPage {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            header{background:#12324a;color:#fff;padding:20px 32px}
            header h1{margin:0 0 4px;font-size:24px}
            header p{margin:0;opacity:.85}
            main{display:grid;grid-template-columns:repeat(auto-fill,minmax(800px,1fr));gap:20px;padding:20px 32px}
            figure{margin:0;background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:16px}
            figcaption h2{margin:0 0 2px;font-size:17px}
            figcaption p{margin:0 0 8px;color:#52606d;font-size:13px}
            .empty{color:#8a5300;background:#fff6e5;padding:12px;border-radius:6px}
            svg.chart{max-width:100%;height:auto;font-size:12px;fill:#1d2733}
            svg .grid{stroke:#e4e8ee}
            svg .baseline{stroke:#9aa5b1}
            svg .zero{stroke:#1d2733;stroke-width:1.5}
            svg .chance{stroke:#9aa5b1;stroke-dasharray:5 4}
            svg .axis-name{fill:#52606d}
            svg .note{fill:#8a5300;font-style:italic}
            dl{display:flex;gap:28px;margin:12px 0 0}
            dt{font-size:12px;opacity:.75}dd{margin:0;font-size:20px;font-weight:600}
            """;

    private ReportPage() {
    }

    static String html(RetentionReport report) {
        StringBuilder page = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // Nothing to fetch and nothing to run: the browser refuses anything else, and says so.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Winback retention report</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        header(page, report);
        page.append("<main>\n");
        for (Chart chart : ReportCharts.of(report)) figure(page, chart);
        page.append("</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, RetentionReport report) {
        long customers = report.lifecycle().isEmpty() ? 0 : report.lifecycle().getLast().customers();
        long messages = report.messagesByChannel().values().stream().mapToLong(Long::longValue).sum();
        long actions = report.weekly().stream().mapToLong(RetentionReport.WeeklyActivity::actions).sum();
        page.append("<header>\n<h1>Winback retention report</h1>\n<p>")
                .append(Markup.escape("Exposure days " + report.from() + " to " + report.to() + "; generated at "
                        + report.generatedAt() + " (virtual clock)"))
                .append("</p>\n<dl>");
        stat(page, "customers", customers);
        stat(page, "actions requested", actions);
        stat(page, "messages sent", messages);
        stat(page, "rules and journeys measured", report.lifts().stream().filter(RetentionReport.RuleLift::measurable).count());
        page.append("</dl>\n</header>\n");
    }

    private static void stat(StringBuilder page, String name, long value) {
        page.append("<div><dt>").append(Markup.escape(name)).append("</dt><dd>").append(Markup.count(value))
                .append("</dd></div>");
    }

    private static void figure(StringBuilder page, Chart chart) {
        page.append("<figure id=\"").append(Markup.escape(chart.id())).append("\" aria-labelledby=\"")
                .append(Markup.escape(chart.id())).append("-caption\">\n<figcaption id=\"")
                .append(Markup.escape(chart.id())).append("-caption\"><h2>").append(Markup.escape(chart.title()))
                .append("</h2><p>").append(Markup.escape(chart.description())).append("</p></figcaption>\n");
        if (chart.hasData()) {
            page.append(chart.svg()).append('\n');
        } else {
            page.append("<p class=\"empty\">No data for this chart in this run.</p>\n");
        }
        page.append("</figure>\n");
    }

    /** The ids of the page's figures, in order: what a reader of the page can expect to find. */
    static List<String> figureIds(RetentionReport report) {
        return ReportCharts.of(report).stream().map(Chart::id).toList();
    }
}
