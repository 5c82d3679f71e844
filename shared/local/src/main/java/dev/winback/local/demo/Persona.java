package dev.winback.local.demo;

import java.util.Objects;

/**
 * The behaviour a synthetic customer was generated with. It stays with the generator's output and never
 * appears in the events, so a demo or test can compare what the engine concludes with what really happened.
 */
public enum Persona {
    APP_ONLY(14, "browses and buys only in the mobile app"),
    WEB_ONLY(15, "browses and buys only on the website"),
    STORE_ONLY(8, "visits and buys only in physical stores"),
    OMNICHANNEL(10, "uses the app, the website and the stores"),
    WEB_TO_APP_MIGRANT(8, "installs the app, then website sessions fade out: migration, not churn"),
    STORE_TO_WEB_MOVER(6, "starts buying on the website, then store visits fade out: migration, not churn"),
    LOYAL_BUYER(12, "buys on a steady rhythm, from weekly to quarterly"),
    ONE_TIME_BUYER(11, "joins during the window, buys once and drifts off"),
    LAPSED(10, "active, then stops everywhere partway through the window"),
    MESSAGE_IGNORER(6, "stays active but never engages with any message");

    private final int weightPercent;
    private final String description;

    Persona(int weightPercent, String description) {
        this.weightPercent = weightPercent;
        this.description = Objects.requireNonNull(description);
    }

    /** Expected share of the base, in percent; the weights add up to 100. */
    public int weightPercent() {
        return weightPercent;
    }

    public String description() {
        return description;
    }

    static Persona pick(Rng rng) {
        int roll = rng.nextInt(100);
        for (Persona persona : values()) {
            roll -= persona.weightPercent;
            if (roll < 0) {
                return persona;
            }
        }
        throw new IllegalStateException("persona weights must add up to 100");
    }
}
