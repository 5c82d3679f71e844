package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.Platform;

import java.util.List;
import java.util.Optional;

/**
 * The track events of Segment's semantic spec (ecommerce v2, mobile, email) that contract v1 has a
 * type for. Any other track event has none: it is answered as ignored, with the reason.
 */
final class SegmentTracks {

    /** The names this mapping knows, as the spec spells them. */
    static final List<String> KNOWN = List.of("Order Completed", "Order Refunded", "Order Cancelled",
            "Application Installed", "Application Opened", "Application Uninstalled", "Signed In",
            "Product Reviewed", "Email Unsubscribed");
    /** A product without a category still counts as a purchase; its category is this. */
    static final String NO_CATEGORY = "uncategorised";

    private SegmentTracks() {
    }

    /** The draft for a known event, or empty; {@code platform} is what the message's context says. */
    static Optional<CdpDraft> draft(String event, JsonNode p, Optional<Platform> platform) {
        return Optional.ofNullable(switch (event) {
            case "Order Completed" -> purchase(p, platform);
            case "Order Refunded" -> orderStatus(p, "refunded", platform);
            case "Order Cancelled" -> orderStatus(p, "cancelled", platform);
            case "Application Installed" -> CdpDraft.of("app_installed", Optional.of(Platform.APP));
            case "Application Uninstalled" -> CdpDraft.of("app_uninstalled", Optional.of(Platform.APP));
            case "Application Opened" -> session(Platform.APP);
            case "Signed In" -> platform.map(SegmentTracks::session).orElse(null);
            case "Product Reviewed" -> CdpDraft.of("review_submitted", platform)
                    .with("rating", CdpDraft.decimal(p.path("rating")))
                    .with("sku", CdpDraft.first(p, "sku", "product_id"))
                    .naming(f -> CdpDraft.renamed(f, "properties.sku", "properties.product_id"));
            case "Email Unsubscribed" -> CdpDraft.of("email_subscription_changed", Optional.empty())
                    .with("status", "unsubscribed");
            default -> null;
        });
    }

    /** Why a known event could not be drafted (only Signed In needs a platform from its context). */
    static String undrafted(String event) {
        return KNOWN.contains(event)
                ? "a Signed In without context.device, context.os or context.page names no platform for its session"
                : "the track event \"" + event + "\" has no counterpart in event contract v1 (mapped: "
                        + String.join(", ", KNOWN) + ")";
    }

    private static CdpDraft session(Platform platform) {
        return CdpDraft.of("session_started", Optional.of(platform)).with("platform", platform.wireName());
    }

    private static CdpDraft orderStatus(JsonNode p, String status, Optional<Platform> platform) {
        return CdpDraft.of("order_status_changed", platform).with("orderId", CdpDraft.first(p, "order_id", "orderId"))
                .with("status", status)
                .naming(f -> CdpDraft.renamed(f, "properties.orderId", "properties.order_id"));
    }

    /** Order Completed: total (else revenue) in its currency, each product a line item. */
    private static CdpDraft purchase(JsonNode p, Optional<Platform> platform) {
        String amountField = p.hasNonNull("total") ? "total" : "revenue";
        ArrayNode items = ContractJson.nodes().arrayNode();
        for (JsonNode product : p.path("products")) {
            ObjectNode item = items.addObject();
            JsonNode sku = CdpDraft.first(product, "sku", "product_id");
            if (!sku.isMissingNode()) item.set("sku", sku);
            JsonNode category = product.path("category");
            item.set("category", category.isTextual() ? category : ContractJson.nodes().textNode(NO_CATEGORY));
            JsonNode quantity = product.path("quantity");
            item.set("quantity", quantity.isMissingNode() || quantity.isNull()
                    ? ContractJson.nodes().numberNode(1) : CdpDraft.decimal(quantity));
            JsonNode price = CdpDraft.decimal(product.path("price"));
            if (!price.isMissingNode() && !price.isNull()) item.set("unitPrice", price);
        }
        CdpDraft draft = CdpDraft.of("purchase_completed", platform)
                .with("orderId", CdpDraft.first(p, "order_id", "orderId"))
                .with("amount", CdpDraft.decimal(p.path(amountField)))
                .with("currency", p.path("currency"));
        if (p.has("products")) draft.properties().set("items", p.path("products").isArray() ? items : p.path("products"));
        else draft.properties().set("items", items);
        return draft.naming(f -> {
            String named = CdpDraft.renamed(CdpDraft.renamed(CdpDraft.renamed(f, "properties.orderId",
                    "properties.order_id"), "properties.amount", "properties." + amountField),
                    "properties.items", "properties.products");
            return named.startsWith("properties.products[") ? named.replace(".unitPrice", ".price") : named;
        });
    }
}
