package dev.winback.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CDNow test resources (see src/test/resources/cdnow/README.md). */
final class CdnowData {

    private CdnowData() {
    }

    /** The published 39-week calibration summary: ID,frequency,recency,T in weeks. */
    static List<CustomerSummary> calibrationSummaries() {
        return lines("cdnow/cdnow_customers_summary.csv").stream()
                .skip(1)
                .map(line -> line.split(","))
                .map(cells -> new CustomerSummary(
                        Integer.parseInt(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3])))
                .toList();
    }

    static List<String> transactionLog() {
        return lines("cdnow/CDNOW_sample.txt");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = CdnowData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
