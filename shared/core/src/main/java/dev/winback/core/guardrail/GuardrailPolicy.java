package dev.winback.core.guardrail;

/**
 * When a unit (a rule's campaign, a journey) is paused on its own figures: its lift is confidently
 * negative (the whole 95% interval below zero), or its unsubscribes or complaints per message are
 * above a rate. Nothing is judged before the unit has {@code minimumDecisions} decisions (treated
 * and withheld exposures) within the last {@code windowDays} days of exposures, or since it was
 * last resumed: small groups make the interval and the rates noise.
 *
 * @param unsubscribeRate unsubscribes per message above which the unit pauses
 * @param complaintRate   complaints per message above which the unit pauses
 */
public record GuardrailPolicy(boolean enabled, int minimumDecisions, double unsubscribeRate, double complaintRate,
                              int windowDays) {

    public static final int DEFAULT_MINIMUM_DECISIONS = 500;
    public static final double DEFAULT_UNSUBSCRIBE_RATE = 0.02;
    public static final double DEFAULT_COMPLAINT_RATE = 0.003;
    /** The rule report's default range, so the figures that paused a unit are the ones it shows. */
    public static final int DEFAULT_WINDOW_DAYS = 28;
    public static final int MAX_WINDOW_DAYS = 366;

    public GuardrailPolicy {
        if (minimumDecisions < 1) throw new IllegalArgumentException("minimumDecisions must be at least 1");
        rate("unsubscribeRate", unsubscribeRate);
        rate("complaintRate", complaintRate);
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("windowDays must be from 1 to " + MAX_WINDOW_DAYS);
        }
    }

    public static GuardrailPolicy defaults() {
        return new GuardrailPolicy(true, DEFAULT_MINIMUM_DECISIONS, DEFAULT_UNSUBSCRIBE_RATE, DEFAULT_COMPLAINT_RATE,
                DEFAULT_WINDOW_DAYS);
    }

    private static void rate(String name, double rate) {
        if (!(rate > 0 && rate < 1)) throw new IllegalArgumentException(name + " must be above 0 and below 1");
    }
}
