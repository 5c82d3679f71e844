package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.net.URI;

/**
 * Signed, opaque per-recipient links: the one-click unsubscribe URL put on marketing mail and the
 * preference-centre link. The link carries no personal data; its token names one customer and one
 * channel or category.
 */
public interface UnsubscribeLinks {

    /** @param category a preference category (e.g. "promotions"), or null for the whole channel */
    URI oneClick(String customerId, Channel channel, String category);

    URI preferences(String customerId);
}
