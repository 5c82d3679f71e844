package dev.winback.core.journey;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code event.*} facts of one event, and of each line item of a purchase. */
public final class EventFacts {

    private EventFacts() {
    }

    /** The facts of the event as a whole. */
    public static Facts of(EngagementEvent event) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        facts.put("event.type", new Fact.Text(event.type()));
        event.platform().ifPresent(platform -> facts.put("event.platform", new Fact.Text(platform.wireName())));
        switch (event.payload()) {
            case EventPayload.PurchaseCompleted purchase -> {
                text(facts, "event.orderId", purchase.orderId());
                if (purchase.amount() != null) facts.put("event.amount", new Fact.Number(purchase.amount()));
                text(facts, "event.currency", purchase.currency());
                Set<String> categories = new TreeSet<>();
                for (LineItem item : purchase.items()) {
                    if (item.category() != null) categories.add(item.category());
                }
                facts.put("event.categories", new Fact.Words(categories));
            }
            case EventPayload.OrderStatusChanged order -> {
                text(facts, "event.orderId", order.orderId());
                text(facts, "event.status", order.status());
            }
            case EventPayload.MembershipChanged membership -> {
                text(facts, "event.tier", membership.tier());
                if (membership.status() != null) facts.put("event.status", new Fact.Text(membership.status().wireName()));
            }
            case EventPayload.SessionStarted session -> {
                if (session.platform() != null) facts.put("event.platform", new Fact.Text(session.platform().wireName()));
            }
            default -> { }
        }
        facts.putAll(feedbackFacts(event));
        return new Facts(facts);
    }

    /**
     * {@code event.rating}, {@code event.orderId} and {@code event.sku} of a review;
     * {@code event.question} and {@code event.answer} of a survey answer.
     */
    static Map<String, Fact> feedbackFacts(EngagementEvent event) {
        Map<String, Fact> facts = new java.util.HashMap<>();
        switch (event.payload()) {
            case dev.winback.core.event.EventPayload.ReviewSubmitted review -> {
                facts.put("event.rating", Fact.Number.of(review.rating()));
                review.orderId().ifPresent(id -> facts.put("event.orderId", new Fact.Text(id)));
                review.sku().ifPresent(sku -> facts.put("event.sku", new Fact.Text(sku)));
            }
            case dev.winback.core.event.EventPayload.SurveyAnswered answer -> {
                facts.put("event.question", new Fact.Text(answer.question()));
                facts.put("event.answer", new Fact.Text(answer.answer()));
            }
            default -> { }
        }
        return facts;
    }

    /**
     * The facts of one line item of a purchase: the event's, with the item's category and sku and
     * its catalog entry. The complement is the first complementary category the customer has not bought.
     */
    public static Facts ofLineItem(EngagementEvent event, LineItem item, ProductCatalog catalog, Set<String> bought) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        text(facts, "event.category", item.category());
        text(facts, "event.sku", item.sku());
        Optional<Product> product = catalog.forItem(item.sku(), item.category());
        product.ifPresent(p -> {
            facts.put("event.productLine", new Fact.Text(p.id()));
            p.lifetime().ifPresent(lifetime -> facts.put("event.lifetimeDays", Fact.Number.of(lifetime.toDays())));
            p.complements().stream().filter(category -> !bought.contains(category)).findFirst()
                    .ifPresent(category -> facts.put("event.complement", new Fact.Text(category)));
            facts.put("event.priceBand", new Fact.Text(p.priceBand()));
        });
        return of(event).and(new Facts(facts));
    }

    /**
     * Every way the event can be read by an exit or a wait: as a whole, and for a purchase, item by
     * item (so "bought toothbrush heads again" can end a reminder for them).
     */
    public static List<Facts> readings(EngagementEvent event, ProductCatalog catalog, Set<String> bought) {
        List<Facts> readings = new ArrayList<>();
        readings.add(of(event));
        if (event.payload() instanceof EventPayload.PurchaseCompleted purchase) {
            for (LineItem item : purchase.items()) readings.add(ofLineItem(event, item, catalog, bought));
        }
        return readings;
    }

    private static void text(Map<String, Fact> facts, String name, String value) {
        if (value != null) facts.put(name, new Fact.Text(value));
    }
}
