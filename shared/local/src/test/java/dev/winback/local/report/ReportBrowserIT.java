package dev.winback.local.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report in a real browser: Debian's Chromium, headless and offline, opens the HTML file from
 * disk; the page renders, every chart has marks in the DOM, the screenshot shows them, and the
 * browser logged no console message (no script error, no refused load). Skipped without Chromium,
 * except under {@code WINBACK_REQUIRE_EMULATORS=1} ({@code scripts/test}, which installs it): there
 * a missing browser fails.
 */
class ReportBrowserIT {

    private static final List<String> FIGURES = List.of("lifecycle", "weekly", "channels", "decisions", "lift", "roc");
    private static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        var found = HeadlessChromium.find();
        if (found.isEmpty() && "1".equals(System.getenv("WINBACK_REQUIRE_EMULATORS"))) {
            throw new IllegalStateException("WINBACK_REQUIRE_EMULATORS=1 but no Chromium: set WINBACK_CHROMIUM or"
                    + " install Debian's chromium (scripts/test does on first use)");
        }
        assumeTrue(found.isPresent(), "no Chromium on this machine");
        chromium = found.get();
    }

    @Test
    void the_report_renders_every_chart_with_data_and_no_console_message(@TempDir Path dir) throws Exception {
        Path html = ReportFiles.write(SampleReports.full(), dir);

        HeadlessChromium.Page page = chromium.load(html, 1700, 2200);

        assertThat(page.consoleLines()).as("console messages").isEmpty();
        assertThat(page.dom()).contains("<h1>Winback retention report</h1>");
        for (String id : FIGURES) {
            assertThat(ReportPageTest.marks(page.dom(), id)).as("marks of " + id).isPositive();
            assertThat(ReportPageTest.figure(page.dom(), id)).doesNotContain("class=\"empty\"");
        }
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(page.screenshot()));
        assertThat(shot.getWidth()).isEqualTo(1700);
        // The charts' colours are on the screen, not only in the markup.
        assertThat(pixels(shot, 0x0072B2)).as("pixels of the first series' blue").isGreaterThan(2_000);
        assertThat(pixels(shot, 0xE69F00)).as("pixels of the second series' orange").isGreaterThan(500);
        assertThat(Files.readString(dir.resolve(ReportFiles.JSON), StandardCharsets.UTF_8)).contains("\"rocCurves\"");
    }

    @Test
    void a_page_with_a_script_error_or_a_remote_load_is_caught(@TempDir Path dir) throws Exception {
        // The check above must be able to fail: the same browser run on a page that misbehaves.
        Path html = dir.resolve("bad.html");
        Files.writeString(html, ReportPage.html(SampleReports.full())
                .replace("</main>", "</main><img src=\"https://example.invalid/x.png\" alt=\"\">"));

        assertThat(chromium.load(html, 800, 600).consoleLines()).isNotEmpty();
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) count++;
            }
        }
        return count;
    }
}
