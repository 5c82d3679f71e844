package dev.winback.core.observe;

import java.util.List;

/**
 * The business figures Winback reports, each counted per invocation. {@link #dimensions} are the
 * names it is broken down by besides the service; their values are ids and wire names, never a
 * customer's details. The dashboard in template.yaml may chart only these (TemplateRulesTest).
 */
public enum Metric {
    /** Events stored in a record (new ones; a redelivered id is not counted again). */
    EVENTS_INGESTED("EventsIngested"),
    /** Events refused as invalid: kept with their reasons, never retried. */
    EVENTS_REJECTED("EventsRejected"),
    /** Due records evaluated by the evaluator. */
    EVALUATIONS("Evaluations"),
    /** Retention actions published, by the rule's campaign that requested them. */
    ACTIONS("Actions", "rule"),
    /** Delivery decisions, by channel ({@code none} for a decision about the whole message) and kind. */
    MESSAGES("Messages", "channel", "decision"),
    /** Messages that moved to their next channel because no receipt came by the deadline. */
    FALLBACKS("Fallbacks"),
    /** Sends whose outcome the provider left unknown: never resent blindly, worth a look. */
    UNKNOWNS("Unknowns"),
    /** Marketing messages withheld because the customer is in the control group or the unit's holdout. */
    HOLDOUTS("Holdouts");

    private final String metricName;
    private final List<String> dimensions;

    Metric(String metricName, String... dimensions) {
        this.metricName = metricName;
        this.dimensions = List.of(dimensions);
    }

    /** The name in CloudWatch. */
    public String metricName() {
        return metricName;
    }

    public List<String> dimensions() {
        return dimensions;
    }
}
