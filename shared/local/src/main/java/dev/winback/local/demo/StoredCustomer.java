package dev.winback.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The few facts the demo summary needs from one customer as GET /v1/customers/{customerId} returns
 * it. Reads the response leniently, since only this summary depends on its shape: platforms are the
 * keys of {@code platforms} with any activity, purchases come from {@code purchases.orders} (or
 * {@code count}), and each channel's subscription from {@code channels.<channel>.subscription}
 * (a string, or an object with {@code status} or {@code value}); what is absent counts as none/unknown.
 */
record StoredCustomer(String platformMix, long purchases, Map<String, String> subscriptions) {

    static final String UNKNOWN = "unknown";

    static StoredCustomer from(JsonNode customer) {
        return new StoredCustomer(platformMix(customer.path("platforms")), purchases(customer.path("purchases")),
                subscriptions(customer.path("channels")));
    }

    /** "app+web", "store", or "none". */
    private static String platformMix(JsonNode platforms) {
        TreeSet<String> active = new TreeSet<>();
        if (platforms.isObject()) {
            platforms.properties().forEach(p -> {
                if (isActive(p.getValue())) {
                    active.add(p.getKey().toLowerCase(Locale.ROOT));
                }
            });
        } else if (platforms.isArray()) {
            platforms.forEach(p -> active.add(p.asText().toLowerCase(Locale.ROOT)));
        }
        return active.isEmpty() ? "none" : String.join("+", active);
    }

    private static boolean isActive(JsonNode activity) {
        if (activity.isNull() || activity.isMissingNode()) {
            return false;
        }
        if (activity.isObject() && activity.has("count")) {
            return activity.path("count").asLong() > 0;
        }
        return !activity.isObject() || !activity.isEmpty();
    }

    private static long purchases(JsonNode purchases) {
        if (purchases.isNumber()) {
            return purchases.asLong();
        }
        for (String field : new String[] {"orders", "count", "purchaseDays"}) {
            if (purchases.path(field).isNumber()) {
                return purchases.path(field).asLong();
            }
        }
        return 0;
    }

    private static Map<String, String> subscriptions(JsonNode channels) {
        Map<String, String> states = new TreeMap<>();
        channels.properties().forEach(channel -> {
            JsonNode subscription = channel.getValue().path("subscription");
            String state = subscription.isTextual() ? subscription.textValue()
                    : subscription.path("status").isTextual() ? subscription.path("status").textValue()
                    : subscription.path("value").isTextual() ? subscription.path("value").textValue()
                    : UNKNOWN;
            states.put(channel.getKey().toLowerCase(Locale.ROOT), state.toLowerCase(Locale.ROOT));
        });
        return states;
    }

    /** "0", "1", "2-3", "4-9", "10+": buckets that separate one-off buyers from regulars. */
    String purchaseBucket() {
        if (purchases <= 1) {
            return Long.toString(purchases);
        }
        return purchases <= 3 ? "2-3" : purchases <= 9 ? "4-9" : "10+";
    }
}
