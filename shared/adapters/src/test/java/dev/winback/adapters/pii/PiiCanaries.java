package dev.winback.adapters.pii;

import java.util.List;

/**
 * Canary values planted in test data (the feedback fixtures in events/ carry them too). No log
 * line of any test may contain one: {@link LogCapture} records every line the test JVM logs and
 * {@link PiiCanaryCheck} looks for them after every other test class has run.
 */
public final class PiiCanaries {

    public static final String EMAIL = "ana.canary@example.com";
    public static final String PHONE = "+15550100999";
    /** The number without its plus, as some formats print it. */
    public static final String PHONE_DIGITS = "15550100999";
    public static final String SMS_TEXT = "canary-text: stop texting me";

    public static final List<String> ALL = List.of(EMAIL, PHONE, PHONE_DIGITS, SMS_TEXT);

    private PiiCanaries() {
    }
}
