package dev.winback.core.template;

import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.links.KeepSubscribedComposer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variable sets as {@link TemplateVariables} builds them, covering each section's both branches: what
 * every template, shipped or an operator's, must render with. Their names are the documented ones,
 * the only names a template may use: {@link TemplateVariables#NAMES}, the last chance's button, and
 * the variables the shipped journeys' send steps give their campaigns.
 */
public final class TemplateSamples {

    private TemplateSamples() {
    }

    public static Map<String, Object> loyalMember() {
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
        v.put(KeepSubscribedComposer.VARIABLE, "https://links.shop.example/k/v1.c-000123.email");
        // Only the campaigns of journeys that pass them (their send step's variables) name these.
        v.put("orderId", "o-20261123-0042");
        v.put("productLine", "toothbrush-heads");
        v.put("offerCategory", "phone-cases");
        return v;
    }

    public static Map<String, Object> newcomer() {
        Map<String, Object> v = loyalMember();
        v.put("daysSinceLastActivity", 0L);
        v.put("hasPurchased", false);
        v.put("daysSinceLastPurchase", 0L);
        v.put("lastPurchaseCategory", "");
        v.put("membershipTier", "");
        v.put("isMember", false);
        return v;
    }

    public static List<Map<String, Object>> all() {
        return List.of(loyalMember(), newcomer());
    }

    /** Every name a template may use. */
    public static Set<String> documentedNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(loyalMember().keySet()));
    }
}
