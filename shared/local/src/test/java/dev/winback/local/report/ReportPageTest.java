package dev.winback.local.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

    private static final List<String> FIGURES = List.of("lifecycle", "weekly", "channels", "decisions", "lift", "roc");

    @Test
    void every_chart_of_a_full_report_draws_its_marks_with_an_accessible_name() {
        String html = ReportPage.html(SampleReports.full());

        assertThat(ReportPage.figureIds(SampleReports.full())).containsExactlyElementsOf(FIGURES);
        // states, bars, channels, decisions, measurable lifts, curves
        assertThat(marks(html, "lifecycle")).isEqualTo(4);
        assertThat(marks(html, "weekly")).isEqualTo(7);
        assertThat(marks(html, "channels")).isEqualTo(3);
        assertThat(marks(html, "decisions")).isEqualTo(3);
        assertThat(marks(html, "lift")).isEqualTo(2);
        assertThat(marks(html, "roc")).isEqualTo(2);
        for (String id : FIGURES) {
            assertThat(figure(html, id)).contains("role=\"img\"", "aria-labelledby=\"" + id + "-title " + id + "-desc\"",
                    "<title id=\"" + id + "-title\">", "class=\"legend\"").doesNotContain("class=\"empty\"");
        }
    }

    @Test
    void the_page_fetches_and_runs_nothing() {
        // The SVG namespace is a name, not an address anything loads.
        String html = ReportPage.html(SampleReports.full()).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");

        assertThat(html).contains("default-src 'none'").doesNotContain("<script", "http://", "https://", "<link", "<img");
    }

    @Test
    void names_are_escaped() {
        String html = ReportPage.html(SampleReports.full());

        assertThat(html).contains("how-to &lt;b&gt;&amp;&lt;/b&gt;").doesNotContain("how-to <b>");
    }

    @Test
    void a_unit_without_a_holdout_is_named_as_not_measurable_yet() {
        assertThat(figure(ReportPage.html(SampleReports.full()), "lift"))
                .contains("not measurable yet (3 treated, 0 held out)");
    }

    @Test
    void charts_without_data_say_so_instead_of_drawing_empty_axes() {
        String html = ReportPage.html(SampleReports.empty());

        for (String id : FIGURES) {
            assertThat(figure(html, id)).contains("class=\"empty\"").doesNotContain("<svg");
        }
    }

    static String figure(String html, String id) {
        Matcher m = Pattern.compile("<figure id=\"" + id + "\".*?</figure>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("figure " + id).isTrue();
        return m.group();
    }

    static long marks(String html, String id) {
        return Pattern.compile("class=\"mark\"").matcher(figure(html, id)).results().count();
    }
}
