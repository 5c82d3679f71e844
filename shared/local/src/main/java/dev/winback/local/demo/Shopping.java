package dev.winback.local.demo;

import dev.winback.core.event.EventPayload.OrderStatusChanged;
import dev.winback.core.event.EventPayload.PurchaseCompleted;
import dev.winback.core.event.EventPayload.SessionStarted;
import dev.winback.core.event.EventPayload.StoreVisited;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A purchase and what surrounds it: the visit before, and for online orders the status updates after. */
final class Shopping {

    private final CustomerPlan plan;
    private final Rng rng;
    private final CustomerTimeline timeline;

    Shopping(CustomerPlan plan, Rng rng, CustomerTimeline timeline) {
        this.plan = plan;
        this.rng = rng;
        this.timeline = timeline;
    }

    /** A session or store visit at {@code at} that ends in a purchase; returns when the purchase completed. */
    OptionalLong visitAndBuy(Platform platform, long at) {
        if (!visit(platform, at)) {
            return OptionalLong.empty();
        }
        long purchasedAt = at + (platform == Platform.STORE
                ? rng.uniformLong(5 * Window.MINUTE, 40 * Window.MINUTE)
                : rng.uniformLong(3 * Window.MINUTE, 25 * Window.MINUTE));
        return buy(platform, purchasedAt);
    }

    /** Returns false, planning nothing, when the visit cannot happen: the app is not installed by then. */
    boolean visit(Platform platform, long at) {
        if (!open(platform, at)) {
            return false;
        }
        if (platform == Platform.STORE) {
            int store = rng.chance(0.85) ? plan.homeStore() : 1 + rng.nextInt(60);
            timeline.add(at, Draft.on(platform), new StoreVisited(Ids.storeId(store)));
        } else {
            timeline.add(at, Draft.on(platform), new SessionStarted(platform));
        }
        return true;
    }

    /** A purchase during a visit that is already planned; returns {@code at}, or empty when the app is gone by then. */
    OptionalLong buy(Platform platform, long at) {
        if (!open(platform, at)) {
            return OptionalLong.empty();
        }
        String orderId = timeline.nextOrderId();
        List<LineItem> items = Catalogue.basket(rng, plan.favouriteCategory(), plan.currency());
        timeline.add(at, Draft.on(platform),
                new PurchaseCompleted(orderId, Catalogue.total(items), plan.currency(), items));
        if (platform != Platform.STORE) {
            followOrder(orderId, at);
        }
        return OptionalLong.of(at);
    }

    private boolean open(Platform platform, long at) {
        return platform != Platform.APP || plan.reach().appInstalledAt(at);
    }

    /** Shoppers carry store purchases home; online orders are placed, shipped and delivered (or cancelled). */
    private void followOrder(String orderId, long purchasedAt) {
        long placedAt = purchasedAt + rng.uniformLong(5, 90);
        timeline.add(placedAt, Optional.empty(), new OrderStatusChanged(orderId, "placed"));
        if (rng.chance(0.02)) {
            timeline.add(placedAt + rng.uniformLong(Window.HOUR, 12 * Window.HOUR), Optional.empty(),
                    new OrderStatusChanged(orderId, "cancelled"));
            return;
        }
        long shippedAt = placedAt + rng.uniformLong(18 * Window.HOUR, 72 * Window.HOUR);
        timeline.add(shippedAt, Optional.empty(), new OrderStatusChanged(orderId, "shipped"));
        long deliveredAt = shippedAt + rng.uniformLong(24 * Window.HOUR, 120 * Window.HOUR);
        timeline.add(deliveredAt, Optional.empty(), new OrderStatusChanged(orderId, "delivered"));
    }
}
