package dev.winback.core.journey;

import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.Membership;
import dev.winback.core.record.PlatformActivity;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.Stamped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code record.*} facts of a customer's engagement record. */
public final class RecordFacts {

    private RecordFacts() {
    }

    public static Facts of(EngagementRecord record) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        Purchases purchases = record.purchases();
        facts.put("record.orders", Fact.Number.of(purchases.orders()));
        facts.put("record.purchaseDays", Fact.Number.of(purchases.purchaseDays()));
        time(facts, "record.firstPurchase", purchases.first());
        time(facts, "record.lastPurchase", purchases.last());
        time(facts, "record.lastActive", record.lastActive());
        facts.put("record.boughtCategories", new Fact.Words(purchases.recentCategories().keySet()));
        facts.put("record.platforms", new Fact.Words(activePlatforms(record)));
        if (record.evaluation() instanceof Evaluation.Evaluated evaluated) {
            facts.put("record.state", new Fact.Text(evaluated.state().name().toLowerCase(Locale.ROOT)));
        }
        Stamped<Membership.Tier> membership = record.membership().state();
        if (membership != null) {
            if (membership.value().tier() != null) facts.put("record.membership.tier", new Fact.Text(membership.value().tier()));
            if (membership.value().status() != null) {
                facts.put("record.membership.status", new Fact.Text(membership.value().status().wireName()));
            }
        }
        text(facts, "record.locale", record.profile().locale());
        text(facts, "record.timezone", record.profile().timezone());
        facts.put("record.hasBirthday", new Fact.Text(Boolean.toString(record.profile().birthday() != null)));
        profileAttributes(record).forEach((name, value) -> facts.put(FactNames.ATTRIBUTE + name, new Fact.Text(value)));
        return new Facts(facts);
    }

    /**
     * The profile's free attributes ({@code record.attribute.<name>}), such as answers to interest
     * questions.
     */
    static Map<String, String> profileAttributes(EngagementRecord record) {
        Map<String, String> values = new java.util.TreeMap<>();
        record.profile().attributes().forEach((name, stamped) -> values.put(name, stamped.value()));
        return values;
    }

    private static Set<String> activePlatforms(EngagementRecord record) {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<Platform, PlatformActivity> entry : record.platforms().entrySet()) {
            if (entry.getValue().count() > 0 || entry.getValue().lastSeen() != null) names.add(entry.getKey().wireName());
        }
        return names;
    }

    private static void time(Map<String, Fact> facts, String name, Instant value) {
        if (value != null) facts.put(name, new Fact.Time(value));
    }

    private static void text(Map<String, Fact> facts, String name, Stamped<String> value) {
        if (value != null && value.value() != null) facts.put(name, new Fact.Text(value.value()));
    }
}
