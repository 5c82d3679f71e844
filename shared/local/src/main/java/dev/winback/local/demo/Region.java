package dev.winback.local.demo;

import java.util.List;

/**
 * Where a customer lives: time zone, currency and the locales spoken there. Offsets are the summer ones,
 * fixed so the generator never depends on the JDK's time-zone database; they only shape time of day.
 */
record Region(String zoneId, int utcOffsetHours, String currency, List<String> locales, int weightPercent) {

    static final List<Region> ALL = List.of(
            new Region("America/New_York", -4, "USD", List.of("en-US", "es-US"), 18),
            new Region("America/Chicago", -5, "USD", List.of("en-US", "es-US"), 12),
            new Region("America/Denver", -6, "USD", List.of("en-US"), 5),
            new Region("America/Phoenix", -7, "USD", List.of("en-US", "es-US"), 3),
            new Region("America/Los_Angeles", -7, "USD", List.of("en-US", "es-US"), 14),
            new Region("America/Toronto", -4, "CAD", List.of("en-CA", "fr-CA"), 4),
            new Region("America/Vancouver", -7, "CAD", List.of("en-CA"), 2),
            new Region("Europe/London", 1, "GBP", List.of("en-GB"), 10),
            new Region("Europe/Dublin", 1, "EUR", List.of("en-IE"), 2),
            new Region("Europe/Berlin", 2, "EUR", List.of("de-DE"), 8),
            new Region("Europe/Paris", 2, "EUR", List.of("fr-FR"), 7),
            new Region("Europe/Madrid", 2, "EUR", List.of("es-ES", "ca-ES"), 6),
            new Region("Europe/Rome", 2, "EUR", List.of("it-IT"), 4),
            new Region("Europe/Amsterdam", 2, "EUR", List.of("nl-NL", "en-NL"), 3),
            new Region("Europe/Lisbon", 1, "EUR", List.of("pt-PT"), 2));

    Region {
        locales = List.copyOf(locales);
    }

    static Region pick(Rng rng) {
        int roll = rng.nextInt(100);
        for (Region region : ALL) {
            roll -= region.weightPercent;
            if (roll < 0) {
                return region;
            }
        }
        throw new IllegalStateException("region weights must add up to 100");
    }

    /** Mostly the first locale; the others are minorities. */
    String pickLocale(Rng rng) {
        if (locales.size() == 1 || rng.chance(0.85)) {
            return locales.get(0);
        }
        return locales.get(1 + rng.nextInt(locales.size() - 1));
    }
}
