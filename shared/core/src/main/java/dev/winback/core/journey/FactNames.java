package dev.winback.core.journey;

import java.util.Set;

/**
 * The facts conditions may name, so that a definition naming anything else is refused on load
 * rather than silently never matching. Three families:
 * <ul>
 *   <li>{@code event.*}: the event that triggers, wakes or ends a journey (for a purchase entered
 *       per line item, the item's own sku, category and catalog entry);</li>
 *   <li>{@code record.*}: the customer's engagement record at the moment of the test;</li>
 *   <li>{@code context.*}: what the running journey carries from its trigger (any name).</li>
 * </ul>
 */
public final class FactNames {

    public static final String EVENT = "event.";
    public static final String RECORD = "record.";
    public static final String CONTEXT = "context.";
    /** Profile attributes, such as answers to interest questions: {@code record.attribute.<name>}. */
    public static final String ATTRIBUTE = "record.attribute.";

    public static final Set<String> EVENT_FACTS = Set.of(
            "event.type", "event.orderId", "event.status", "event.tier", "event.amount", "event.currency",
            "event.categories", "event.category", "event.sku", "event.productLine", "event.lifetimeDays",
            "event.complement", "event.priceBand", "event.platform", "event.rating", "event.question",
            "event.answer");

    public static final Set<String> RECORD_FACTS = Set.of(
            "record.orders", "record.purchaseDays", "record.firstPurchase", "record.lastPurchase",
            "record.boughtCategories", "record.lastActive", "record.platforms", "record.state",
            "record.membership.tier", "record.membership.status", "record.locale", "record.timezone",
            "record.hasBirthday");

    private FactNames() {
    }

    /** Whether a condition may name this fact. */
    public static boolean known(String fact) {
        if (EVENT_FACTS.contains(fact) || RECORD_FACTS.contains(fact)) return true;
        if (fact.startsWith(ATTRIBUTE)) return isName(fact.substring(ATTRIBUTE.length()));
        if (fact.startsWith(CONTEXT)) return isName(fact.substring(CONTEXT.length()));
        return false;
    }

    /** Lower camel case or kebab words: what context entries and attributes are called. */
    public static boolean isName(String name) {
        return name.matches("[a-z][a-zA-Z0-9_-]{0,63}");
    }
}
