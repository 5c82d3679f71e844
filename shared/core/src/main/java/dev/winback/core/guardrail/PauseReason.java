package dev.winback.core.guardrail;

import java.util.Locale;

/** Why a unit was paused. */
public enum PauseReason {
    /** The 95% interval of its lift lies entirely below zero: its messages make customers less likely to return. */
    NEGATIVE_LIFT,
    /** More complaints per message than the settings allow. */
    COMPLAINT_RATE,
    /** More unsubscribes per message than the settings allow. */
    UNSUBSCRIBE_RATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PauseReason ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
