package dev.winback.local.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the report as {@code winback-report.html} and, beside it, its figures as {@code winback-report.json}. */
public final class ReportFiles {

    public static final String HTML = "winback-report.html";
    public static final String JSON = "winback-report.json";

    private ReportFiles() {
    }

    /** @return the HTML file written */
    public static Path write(RetentionReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            Path html = directory.resolve(HTML);
            Files.writeString(html, ReportPage.html(report), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(JSON), ReportJson.write(report), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
    }
}
