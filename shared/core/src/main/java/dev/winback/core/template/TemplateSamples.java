package dev.winback.adapters.mustache;

import dev.winback.core.delivery.TemplateVariables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Variable sets as {@link TemplateVariables} builds them, covering each section's both branches. */
final class TemplateSamples {

    private TemplateSamples() {
    }

    static Map<String, Object> loyalMember() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("brandName", "Demo Shop");
        v.put("shopUrl", "https://shop.example/");
        v.put("daysSinceLastActivity", 41L);
        v.put("hasPurchased", true);
        v.put("daysSinceLastPurchase", 63L);
        v.put("lastPurchaseCategory", "running shoes");
        v.put("membershipTier", "gold");
        v.put("isMember", true);
        v.put("unsubscribeUrl", "https://links.shop.example/u/v1.c-000123.email?s=Zm9v&t=1");
        v.put("preferencesUrl", "https://links.shop.example/p/v1.c-000123?s=YmFy");
        // Only last-chance messages get it (KeepSubscribedComposer); other templates never name it.
        v.put("keepSubscribedUrl", "https://links.shop.example/k/v1.c-000123.email");
        // Only the campaigns of journeys that pass them (their send step's variables) name these.
        v.put("orderId", "o-20261123-0042");
        v.put("productLine", "toothbrush-heads");
        v.put("offerCategory", "phone-cases");
        return v;
    }

    static Map<String, Object> newcomer() {
        Map<String, Object> v = loyalMember();
        v.put("daysSinceLastActivity", 0L);
        v.put("hasPurchased", false);
        v.put("daysSinceLastPurchase", 0L);
        v.put("lastPurchaseCategory", "");
        v.put("membershipTier", "");
        v.put("isMember", false);
        return v;
    }

    static List<Map<String, Object>> all() {
        return List.of(loyalMember(), newcomer());
    }
}
