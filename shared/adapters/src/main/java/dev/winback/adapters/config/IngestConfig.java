package dev.winback.adapters.config;

import dev.winback.core.ingest.ArrivalWindow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Ingestion settings from the environment. */
public final class IngestConfig {

    /** How far after its receipt an event may be dated, as an ISO-8601 duration (default PT5M). */
    public static final String MAX_EVENT_AHEAD = "WINBACK_MAX_EVENT_AHEAD";

    private IngestConfig() {
    }

    /** Fails fast on a value that is not a non-negative duration, naming the variable. */
    public static ArrivalWindow arrivalWindow(Map<String, String> env) {
        String value = env.get(MAX_EVENT_AHEAD);
        if (value == null || value.isBlank()) return ArrivalWindow.DEFAULT;
        try {
            Duration ahead = Duration.parse(value.strip());
            if (ahead.isNegative()) throw new IllegalStateException(MAX_EVENT_AHEAD + " must not be negative");
            return new ArrivalWindow(ahead);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(MAX_EVENT_AHEAD + " must be an ISO-8601 duration such as PT5M", e);
        }
    }
}
