package dev.winback.core.signal;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a customer's record the supported way: events applied through {@link RecordUpdate}. Days
 * count from {@link #T0}, a Monday morning.
 */
public final class CustomerEvents {

    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final String customerId;
    private final List<EngagementEvent> events = new ArrayList<>();

    private CustomerEvents(String customerId) {
        this.customerId = customerId;
    }

    public static CustomerEvents customer(String customerId) {
        return new CustomerEvents(customerId);
    }

    public static Instant day(double days) {
        return T0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    public CustomerEvents visit(Platform platform, Instant at) {
        return add(at, platform == Platform.STORE ? new EventPayload.StoreVisited("store-1")
                : new EventPayload.SessionStarted(platform));
    }

    /** {@code count} visits {@code every} apart, the first at {@code from}. */
    public CustomerEvents visits(Platform platform, Instant from, Duration every, int count) {
        for (int i = 0; i < count; i++) visit(platform, from.plus(every.multipliedBy(i)));
        return this;
    }

    public CustomerEvents purchase(Instant at) {
        return add(at, new EventPayload.PurchaseCompleted("o-" + events.size(), new BigDecimal("25.00"), "EUR",
                List.of(new LineItem("sku-1", "shoes", 1, new BigDecimal("25.00")))));
    }

    public CustomerEvents purchases(Instant from, Duration every, int count) {
        for (int i = 0; i < count; i++) purchase(from.plus(every.multipliedBy(i)));
        return this;
    }

    public CustomerEvents sent(Channel channel, Instant at) {
        return add(at, new EventPayload.MessageSent("m-" + events.size(), channel));
    }

    public CustomerEvents sends(Channel channel, Instant from, Duration every, int count) {
        for (int i = 0; i < count; i++) sent(channel, from.plus(every.multipliedBy(i)));
        return this;
    }

    public CustomerEvents feedback(Channel channel, MessageFeedbackKind kind, Instant at) {
        return add(at, new EventPayload.MessageFeedback(kind, "m-" + events.size(), channel));
    }

    public CustomerEvents pushPermission(boolean granted, Instant at) {
        return add(at, new EventPayload.PushPermissionChanged(granted));
    }

    public CustomerEvents installed(Instant at) {
        return add(at, new EventPayload.AppInstalled());
    }

    public CustomerEvents uninstalled(Instant at) {
        return add(at, new EventPayload.AppUninstalled());
    }

    public CustomerEvents email(EmailStatus status, Instant at) {
        return add(at, new EventPayload.EmailSubscriptionChanged(status));
    }

    public CustomerEvents emailMarketingConsent(boolean granted, Instant at) {
        return add(at, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, granted, "preference_centre",
                "2026-01"));
    }

    public CustomerEvents membership(String tier, MembershipStatus status, Instant at) {
        return add(at, new EventPayload.MembershipChanged(tier, status));
    }

    /** Contact details, to check that none of them reaches an explanation. */
    public CustomerEvents contact(String email, String phone, String pushEndpoint, Instant at) {
        return add(at, new EventPayload.ProfileUpdated(Optional.of(email), Optional.of(phone), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(pushEndpoint)));
    }

    public CustomerEvents add(Instant at, EventPayload payload) {
        events.add(new EngagementEvent("e-" + customerId + "-" + events.size(), customerId, at, Optional.empty(), payload));
        return this;
    }

    public List<EngagementEvent> events() {
        return List.copyOf(events);
    }

    /** The latest event time: records are evaluated at or after it. */
    public Instant lastEvent() {
        return events.stream().map(EngagementEvent::occurredAt).max(Instant::compareTo).orElseThrow();
    }

    public EngagementRecord record() {
        return RecordUpdate.apply(EngagementRecord.empty(customerId), events, Map.of()).record();
    }
}
