package dev.winback.adapters.testing;

import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Outbound messages for the channel tests. */
public final class Messages {

    public static final URI ONE_CLICK = URI.create("https://links.shop.example/u/v1.c-000123.email.8f3a9c?s=Zm9v");

    private Messages() {
    }

    public static RenderedContent content() {
        return new RenderedContent("We miss you, Ana", "<p>Hello &amp; welcome back</p>", "Hello & welcome back",
                Map.of("campaignId", "lapsed-any-channel"));
    }

    public static OutboundMessage marketingEmail(String messageId, String address) {
        return new OutboundMessage(messageId, "c-000123", Channel.EMAIL, Purpose.MARKETING, address, content(),
                Optional.of(ONE_CLICK));
    }

    public static OutboundMessage transactionalEmail(String messageId, String address) {
        return new OutboundMessage(messageId, "c-000123", Channel.EMAIL, Purpose.TRANSACTIONAL, address, content(),
                Optional.empty());
    }

    public static OutboundMessage on(Channel channel, String messageId, String address) {
        return new OutboundMessage(messageId, "c-000123", channel, Purpose.MARKETING, address, content(),
                Optional.empty());
    }
}
