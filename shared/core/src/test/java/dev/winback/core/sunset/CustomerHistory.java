package dev.winback.core.sunset;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds engagement records the way production does, by applying events, so tests never hold a
 * channel state that ingestion could not produce.
 */
public final class CustomerHistory {

    private final String customerId;
    private final List<EngagementEvent> events = new ArrayList<>();

    private CustomerHistory(String customerId, List<EngagementEvent> events) {
        this.customerId = customerId;
        this.events.addAll(events);
    }

    public static CustomerHistory of(String customerId) {
        return new CustomerHistory(customerId, List.of());
    }

    public CustomerHistory sent(Channel channel, Instant at) {
        return add(at, new EventPayload.MessageSent(messageId(), channel));
    }

    /** {@code count} sends, {@code gap} apart, the first at {@code from}. */
    public CustomerHistory sentEvery(Channel channel, Instant from, Duration gap, int count) {
        for (int i = 0; i < count; i++) sent(channel, from.plus(gap.multipliedBy(i)));
        return this;
    }

    public CustomerHistory opened(Channel channel, Instant at) {
        return feedback(MessageFeedbackKind.OPENED, channel, at);
    }

    public CustomerHistory clicked(Channel channel, Instant at) {
        return feedback(MessageFeedbackKind.CLICKED, channel, at);
    }

    public CustomerHistory converted(Channel channel, Instant at) {
        return feedback(MessageFeedbackKind.CONVERTED, channel, at);
    }

    public CustomerHistory emailStatus(EmailStatus status, Instant at) {
        return add(at, new EventPayload.EmailSubscriptionChanged(status));
    }

    public CustomerHistory consent(Channel channel, Purpose purpose, boolean granted, Instant at) {
        return add(at, new EventPayload.ConsentChanged(channel, purpose, granted, "preference-centre", "v1"));
    }

    public CustomerHistory installed(Instant at) {
        return add(at, new EventPayload.AppInstalled());
    }

    public CustomerHistory uninstalled(Instant at) {
        return add(at, new EventPayload.AppUninstalled());
    }

    public CustomerHistory pushPermission(boolean granted, Instant at) {
        return add(at, new EventPayload.PushPermissionChanged(granted));
    }

    /** The same history without the events the predicate matches. */
    public CustomerHistory without(Predicate<EngagementEvent> unwanted) {
        return new CustomerHistory(customerId, events.stream().filter(unwanted.negate()).toList());
    }

    public static boolean isOpen(EngagementEvent event) {
        return event.payload() instanceof EventPayload.MessageFeedback f && f.kind() == MessageFeedbackKind.OPENED;
    }

    public EngagementRecord record() {
        return RecordUpdate.apply(EngagementRecord.empty(customerId), events, Map.of()).record();
    }

    public ChannelState channel(Channel channel) {
        return record().channel(channel);
    }

    @Override
    public String toString() {
        return customerId + events.stream().map(e -> e.type() + "@" + e.occurredAt()).toList();
    }

    private CustomerHistory feedback(MessageFeedbackKind kind, Channel channel, Instant at) {
        return add(at, new EventPayload.MessageFeedback(kind, messageId(), channel));
    }

    private CustomerHistory add(Instant at, EventPayload payload) {
        events.add(new EngagementEvent("e-" + events.size(), customerId, at, Optional.empty(), payload));
        return this;
    }

    private String messageId() {
        return "m-" + events.size();
    }
}
