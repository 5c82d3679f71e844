package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload.MessageFeedback;
import dev.winback.core.event.EventPayload.MessageSent;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A marketing message and how the customer answers it: delivered, opened, clicked, converted. Real reads
 * need an engaged customer; a privacy proxy opens every delivered email regardless, clicks or not.
 */
final class Outreach {

    private static final Optional<Platform> APP = Draft.on(Platform.APP);

    private final CustomerPlan plan;
    private final Rng rng;
    private final CustomerTimeline timeline;
    private final Shopping shopping;

    Outreach(CustomerPlan plan, Rng rng, CustomerTimeline timeline, Shopping shopping) {
        this.plan = plan;
        this.rng = rng;
        this.timeline = timeline;
        this.shopping = shopping;
    }

    /** Sends on a channel that can reach the customer at {@code at}. */
    void send(Channel channel, long at) {
        Optional<Platform> platform = channel == Channel.PUSH || channel == Channel.IN_APP ? APP : Optional.empty();
        String messageId = timeline.nextMessageId();
        timeline.add(at, platform, new MessageSent(messageId, channel));
        Message message = new Message(messageId, channel, platform);
        long deliveredAt = at + deliveryDelay(channel);
        if (!rng.chance(deliveryRate(channel)) || !stillReachable(channel, deliveredAt)) {
            return;
        }
        message.feedback(MessageFeedbackKind.DELIVERED, deliveredAt);
        switch (channel) {
            case EMAIL -> email(message, deliveredAt);
            case PUSH -> push(message, deliveredAt);
            case SMS -> sms(message, deliveredAt);
            case IN_APP -> inApp(message, deliveredAt);
            case WEBHOOK -> {
                // The synthetic brand does not send webhooks.
            }
        }
    }

    private void email(Message message, long deliveredAt) {
        Responsiveness answers = plan.responsiveness();
        long readAt = deliveredAt + Math.min((long) rng.exponential(3 * Window.HOUR), 48 * Window.HOUR);
        boolean reads = plan.engagedAt(readAt) && rng.chance(answers.emailRead());
        if (answers.privacyProxy()) {
            message.feedback(MessageFeedbackKind.OPENED, deliveredAt + rng.uniformLong(60, 1_200));
        } else if (reads) {
            message.feedback(MessageFeedbackKind.OPENED, readAt);
        }
        if (reads && rng.chance(answers.clickGivenRead())) {
            clickThrough(message, readAt + rng.uniformLong(5, 300));
        }
    }

    private void sms(Message message, long deliveredAt) {
        // Carriers report no opens for SMS: a tapped link is the only sign of engagement.
        long clickAt = deliveredAt + Math.min((long) rng.exponential(30 * Window.MINUTE), 24 * Window.HOUR);
        if (plan.engagedAt(clickAt) && rng.chance(plan.responsiveness().smsClick())) {
            clickThrough(message, clickAt);
        }
    }

    /** The click lands on the customer's usual online platform; store-only customers come to a store later. */
    private void clickThrough(Message message, long clickAt) {
        message.feedback(MessageFeedbackKind.CLICKED, clickAt);
        Optional<Platform> landing = plan.landingAt(clickAt);
        boolean converts = rng.chance(plan.responsiveness().convertGivenClick());
        if (landing.isPresent()) {
            long sessionAt = clickAt + rng.uniformLong(2, 20);
            if (shopping.visit(landing.get(), sessionAt) && converts) {
                convert(message, shopping.buy(landing.get(),
                        sessionAt + rng.uniformLong(3 * Window.MINUTE, 30 * Window.MINUTE)));
            }
            return;
        }
        long visitAt = clickAt + rng.uniformLong(20 * Window.HOUR, 96 * Window.HOUR);
        if (converts && plan.engagedAt(visitAt) && plan.activityRate(Platform.STORE, visitAt) > 0) {
            convert(message, shopping.visitAndBuy(Platform.STORE, visitAt));
        }
    }

    private void convert(Message message, OptionalLong purchasedAt) {
        if (purchasedAt.isPresent()) {
            message.feedback(MessageFeedbackKind.CONVERTED, purchasedAt.getAsLong() + rng.uniformLong(1, 5));
        }
    }

    /** Tapping a push opens the app; a tap on one of its actions counts as a click. */
    private void push(Message message, long deliveredAt) {
        Responsiveness answers = plan.responsiveness();
        long tapAt = deliveredAt + Math.min((long) rng.exponential(20 * Window.MINUTE), 12 * Window.HOUR);
        if (!plan.engagedAt(tapAt) || !plan.reach().appInstalledAt(tapAt) || !rng.chance(answers.pushTap())) {
            return;
        }
        message.feedback(MessageFeedbackKind.OPENED, tapAt);
        long sessionAt = tapAt + rng.uniformLong(1, 4);
        if (shopping.visit(Platform.APP, sessionAt) && rng.chance(answers.clickGivenRead())) {
            message.feedback(MessageFeedbackKind.CLICKED, sessionAt + rng.uniformLong(1, 30));
            if (rng.chance(answers.convertGivenClick())) {
                convert(message, shopping.buy(Platform.APP,
                        sessionAt + rng.uniformLong(3 * Window.MINUTE, 30 * Window.MINUTE)));
            }
        }
    }

    /** Shown during an app session, so there is no new session to start. */
    private void inApp(Message message, long deliveredAt) {
        Responsiveness answers = plan.responsiveness();
        long viewAt = deliveredAt + rng.uniformLong(1, 8);
        if (!plan.engagedAt(viewAt) || !rng.chance(answers.inAppView())) {
            return;
        }
        message.feedback(MessageFeedbackKind.OPENED, viewAt);
        if (rng.chance(answers.clickGivenRead())) {
            long clickAt = viewAt + rng.uniformLong(2, 30);
            message.feedback(MessageFeedbackKind.CLICKED, clickAt);
            if (rng.chance(answers.convertGivenClick())) {
                convert(message, shopping.buy(Platform.APP,
                        clickAt + rng.uniformLong(Window.MINUTE, 10 * Window.MINUTE)));
            }
        }
    }

    private boolean stillReachable(Channel channel, long instant) {
        return channel != Channel.PUSH && channel != Channel.IN_APP || plan.reach().appInstalledAt(instant);
    }

    private long deliveryDelay(Channel channel) {
        return switch (channel) {
            case EMAIL -> rng.uniformLong(2, 90);
            case SMS -> rng.uniformLong(2, 20);
            case PUSH -> rng.uniformLong(1, 30);
            case IN_APP, WEBHOOK -> rng.uniformLong(1, 3);
        };
    }

    private static double deliveryRate(Channel channel) {
        return switch (channel) {
            case EMAIL -> 0.97;
            case SMS -> 0.98;
            case PUSH -> 0.92;
            case IN_APP, WEBHOOK -> 1.0;
        };
    }

    private final class Message {
        private final String messageId;
        private final Channel channel;
        private final Optional<Platform> platform;

        Message(String messageId, Channel channel, Optional<Platform> platform) {
            this.messageId = messageId;
            this.channel = channel;
            this.platform = platform;
        }

        private boolean cut;

        /** App messages get no more feedback once the app is gone, even if the customer was mid-way. */
        void feedback(MessageFeedbackKind kind, long at) {
            cut = cut || !stillReachable(channel, at);
            if (!cut) {
                timeline.add(at, platform, new MessageFeedback(kind, messageId, channel));
            }
        }
    }
}
