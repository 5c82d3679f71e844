package dev.winback.core.delivery;

import dev.winback.core.event.MembershipStatus;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Membership;
import dev.winback.core.record.Purchases;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The personalisation every message template may use, drawn from the record at send time. Every
 * name is always present (an absent fact is "", 0 or false), so templates render strictly: a name a
 * template uses that is not in {@link #NAMES} fails the tests. Values are never personal contact data
 * (no address, phone or birthday).
 *
 * <table>
 *   <tr><th>name</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>brandName</td><td>string</td><td>the sender's brand (configuration)</td></tr>
 *   <tr><td>shopUrl</td><td>string</td><td>the shop's or app's landing page (configuration)</td></tr>
 *   <tr><td>daysSinceLastActivity</td><td>number</td><td>whole days since the last app, web or store activity; 0 when none</td></tr>
 *   <tr><td>hasPurchased</td><td>boolean</td><td>whether the customer ever bought</td></tr>
 *   <tr><td>daysSinceLastPurchase</td><td>number</td><td>whole days since the last purchase; 0 when none</td></tr>
 *   <tr><td>lastPurchaseCategory</td><td>string</td><td>the category bought most recently; "" when none</td></tr>
 *   <tr><td>membershipTier</td><td>string</td><td>the latest membership tier, also after a cancellation; "" when never a member</td></tr>
 *   <tr><td>isMember</td><td>boolean</td><td>a membership is running (started or renewed, not cancelled)</td></tr>
 *   <tr><td>unsubscribeUrl</td><td>string</td><td>the signed one-click unsubscribe link; "" on transactional messages</td></tr>
 *   <tr><td>preferencesUrl</td><td>string</td><td>the customer's preference centre</td></tr>
 * </table>
 */
public final class TemplateVariables {

    public static final List<String> NAMES = List.of("brandName", "shopUrl", "daysSinceLastActivity", "hasPurchased",
            "daysSinceLastPurchase", "lastPurchaseCategory", "membershipTier", "isMember", "unsubscribeUrl",
            "preferencesUrl");

    /** Configuration shared by every message: who sends, and where the customer lands. */
    public record Brand(String name, URI shopUrl) {
        public Brand {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shopUrl, "shopUrl");
        }
    }

    private TemplateVariables() {
    }

    public static Map<String, Object> of(EngagementRecord record, Instant now, Brand brand, Optional<URI> unsubscribeUrl,
                                         URI preferencesUrl) {
        Purchases purchases = record.purchases();
        Membership.Tier tier = record.membership().state() == null ? null : record.membership().state().value();
        String lastCategory = purchases.recentCategories().entrySet().stream()
                // Latest first; at the same instant the alphabetically first, so the choice is stable.
                .max(Map.Entry.<String, Instant>comparingByValue()
                        .thenComparing(Map.Entry.<String, Instant>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElse("");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("brandName", brand.name());
        variables.put("shopUrl", brand.shopUrl().toString());
        variables.put("daysSinceLastActivity", daysSince(record.lastActive(), now));
        variables.put("hasPurchased", purchases.orders() > 0);
        variables.put("daysSinceLastPurchase", daysSince(purchases.last(), now));
        variables.put("lastPurchaseCategory", lastCategory);
        variables.put("membershipTier", tier == null ? "" : tier.tier());
        variables.put("isMember", tier != null && tier.status() != MembershipStatus.CANCELLED);
        variables.put("unsubscribeUrl", unsubscribeUrl.map(URI::toString).orElse(""));
        variables.put("preferencesUrl", preferencesUrl.toString());
        return variables;
    }

    private static long daysSince(Instant then, Instant now) {
        return then == null || then.isAfter(now) ? 0 : Duration.between(then, now).toDays();
    }
}
