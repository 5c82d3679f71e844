package dev.winback.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.http.HttpRequestData;
import dev.winback.local.runtime.http.HttpResponseData;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's closing figures per rule and journey, read through {@code GET /v1/reports/rules} as a
 * dashboard would: treated and holdout sizes, conversion rates, and the lift with its 95% interval.
 */
public final class RuleOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleOutcomes() {
    }

    /** The report over every exposure day of the run, or null when the route did not answer 200. */
    public static JsonNode read(LocalRuntime runtime, Instant from, Instant to) throws IOException {
        String path = "/v1/reports/rules?from=" + LocalDate.ofInstant(from, ZoneOffset.UTC)
                + "&to=" + LocalDate.ofInstant(to, ZoneOffset.UTC);
        HttpResponseData response = runtime.server().dispatch(new HttpRequestData("GET", URI.create(path),
                Map.of("host", List.of("localhost:" + runtime.server().port())), new byte[0], "127.0.0.1",
                "HTTP/1.1"));
        return response.status() == 200 ? JSON.readTree(response.body()) : null;
    }

    public static void print(LocalRuntime runtime, Instant from, Instant to, PrintStream out) {
        JsonNode report;
        try {
            report = read(runtime, from, to);
        } catch (IOException e) {
            report = null;
        }
        out.println("Outcomes per rule and journey (GET /v1/reports/rules; conversion: a purchase or a visit"
                + " within 14 days; lift with its 95% Wald interval)");
        if (report == null) {
            out.println("  (the report route did not answer)");
            return;
        }
        out.printf(Locale.ROOT, "  %-28s %9s %8s %9s %8s  %s%n", "unit", "treated", "rate", "holdout", "rate",
                "lift [95% interval]");
        boolean any = false;
        for (JsonNode unit : report.path("units")) {
            JsonNode treated = unit.path("treated");
            JsonNode holdout = unit.path("holdout");
            if (treated.path("exposed").asLong() + holdout.path("exposed").asLong() == 0) continue;
            any = true;
            out.printf(Locale.ROOT, "  %-28s %,9d %8s %,9d %8s  %s%n", unit.path("unit").asText(),
                    treated.path("exposed").asLong(), percent(treated.path("rate")),
                    holdout.path("exposed").asLong(), percent(holdout.path("rate")), lift(unit));
        }
        if (!any) out.println("  (nobody exposed to any unit)");
    }

    private static String percent(JsonNode rate) {
        return rate.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * rate.asDouble()) : "-";
    }

    private static String lift(JsonNode unit) {
        if (!unit.path("lift").isNumber()) return "-";
        return String.format(Locale.ROOT, "%+.1f pp [%+.1f, %+.1f]", 100 * unit.path("lift").asDouble(),
                100 * unit.path("liftLower").asDouble(), 100 * unit.path("liftUpper").asDouble());
    }
}
