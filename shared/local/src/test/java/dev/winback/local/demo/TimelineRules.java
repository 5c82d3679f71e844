package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What any one customer's events must obey, judged from the events alone (not from how they were made):
 * a broken rule reads as a sentence naming the event.
 */
final class TimelineRules {

    private static final Pattern PHONE = Pattern.compile("\\+1555\\d{7}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}-[A-Z]{2}");
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "CAD");

    private TimelineRules() {
    }

    static List<String> check(String customerId, List<EngagementEvent> events, Instant start, Instant end) {
        Walk walk = new Walk(customerId, start, end);
        events.forEach(walk::accept);
        walk.finish();
        return walk.problems;
    }

    private static final class Walk {
        private final String customerId;
        private final Instant start;
        private final Instant end;
        private final List<String> problems = new ArrayList<>();

        private EngagementEvent current;
        private Instant first;
        private Instant previous;
        private int sequence;
        private boolean profileSeen;

        private boolean appGone;
        private boolean appInstalledInWindow;
        private Boolean pushGranted;
        private EmailStatus emailStatus;
        private SmsStatus smsStatus;
        private final Map<Channel, Boolean> marketingConsent = new EnumMap<>(Channel.class);
        private final Map<Platform, Instant> lastVisit = new EnumMap<>(Platform.class);

        private final Map<String, Channel> sentChannel = new HashMap<>();
        private final Map<String, Instant> sentAt = new HashMap<>();
        private final Map<String, Set<MessageFeedbackKind>> feedback = new HashMap<>();
        private final Map<String, Instant> clickedAt = new HashMap<>();
        private Instant lastPurchaseAt;

        private final Map<String, String> orderStatus = new HashMap<>();
        private final Map<String, Instant> purchasedAt = new HashMap<>();
        private final Set<String> storeOrders = new HashSet<>();
        private String currency;
        private MembershipStatus membership;

        Walk(String customerId, Instant start, Instant end) {
            this.customerId = customerId;
            this.start = start;
            this.end = end;
        }

        void accept(EngagementEvent event) {
            current = event;
            envelope(event);
            switch (event.payload()) {
                case EventPayload.SessionStarted session -> session(session);
                case EventPayload.StoreVisited visit -> {
                    expectPlatform(Optional.of(Platform.STORE));
                    expect(visit.storeId().matches("s-\\d{3}"), "store id " + visit.storeId());
                    lastVisit.put(Platform.STORE, event.occurredAt());
                }
                case EventPayload.PurchaseCompleted purchase -> purchase(purchase);
                case EventPayload.OrderStatusChanged status -> orderStatus(status);
                case EventPayload.MessageSent sent -> sent(sent);
                case EventPayload.MessageFeedback answer -> feedback(answer);
                case EventPayload.MessageFailed ignored -> { }
                case EventPayload.PushPermissionChanged push -> {
                    expectPlatform(Optional.of(Platform.APP));
                    expect(!appGone, "push permission changed while the app is uninstalled");
                    pushGranted = push.granted();
                }
                case EventPayload.EmailSubscriptionChanged email -> {
                    if (email.status() == EmailStatus.SUBSCRIBED) {
                        expect(Boolean.TRUE.equals(marketingConsent.get(Channel.EMAIL)),
                                "subscribed to email without marketing consent");
                    }
                    emailStatus = email.status();
                }
                case EventPayload.SmsSubscriptionChanged sms -> {
                    if (sms.status() == SmsStatus.SUBSCRIBED) {
                        expect(Boolean.TRUE.equals(marketingConsent.get(Channel.SMS)),
                                "subscribed to SMS without marketing consent");
                    }
                    smsStatus = sms.status();
                }
                case EventPayload.MembershipChanged change -> membership(change);
                case EventPayload.PreferencesChanged ignored -> expect(false, "the demo has no preference centre");
                case EventPayload.ReviewSubmitted ignored -> expect(false, "the demo writes no reviews");
                case EventPayload.SurveyAnswered ignored -> expect(false, "the demo asks no interest questions");
                case EventPayload.AppInstalled ignored -> {
                    expectPlatform(Optional.of(Platform.APP));
                    expect(appGone || !appInstalledInWindow, "app installed twice without an uninstall");
                    appGone = false;
                    appInstalledInWindow = true;
                }
                case EventPayload.AppUninstalled ignored -> {
                    expectPlatform(Optional.of(Platform.APP));
                    expect(!appGone, "app uninstalled twice");
                    appGone = true;
                }
                case EventPayload.ProfileUpdated profile -> profile(profile);
                case EventPayload.ConsentChanged consent -> {
                    expect(consent.wordingVersion().equals("2026-01"), "wording version " + consent.wordingVersion());
                    expect(!consent.source().isBlank(), "consent without a source");
                    if (consent.purpose() == Purpose.MARKETING) {
                        marketingConsent.put(consent.channel(), consent.granted());
                    }
                }
            }
        }

        void finish() {
            if (current != null) {
                expect(profileSeen, "no profile_updated at all");
            }
        }

        private void envelope(EngagementEvent event) {
            expect(event.customerId().equals(customerId), "belongs to " + event.customerId());
            Instant at = event.occurredAt();
            expect(!at.isBefore(start) && at.isBefore(end), "outside the window");
            expect(previous == null || !at.isBefore(previous), "out of time order");
            if (first == null) {
                first = at;
            }
            previous = at;
            sequence++;
            String expectedId = "e-" + customerId.substring(2) + "-" + Ids.pad(sequence, 4);
            expect(event.eventId().equals(expectedId), "event id " + event.eventId() + " where " + expectedId + " was due");
        }

        private void session(EventPayload.SessionStarted session) {
            expectPlatform(Optional.of(session.platform()));
            expect(session.platform() != Platform.STORE, "a session in a store");
            if (session.platform() == Platform.APP) {
                expect(!appGone, "app session after an uninstall without a reinstall");
            }
            lastVisit.put(session.platform(), current.occurredAt());
        }

        private void purchase(EventPayload.PurchaseCompleted purchase) {
            Optional<Platform> platform = current.platform();
            expect(platform.isPresent(), "purchase without a platform");
            platform.ifPresent(p -> {
                Instant visit = lastVisit.get(p);
                expect(visit != null && Duration.between(visit, current.occurredAt()).toMinutes() <= 60,
                        "purchase on " + p + " without a visit in the hour before");
                if (p == Platform.APP) {
                    expect(!appGone, "app purchase after an uninstall");
                }
                if (p == Platform.STORE) {
                    storeOrders.add(purchase.orderId());
                }
            });
            expect(purchase.orderId().startsWith("o-" + customerId.substring(2) + "-"), "order id " + purchase.orderId());
            expect(!purchasedAt.containsKey(purchase.orderId()), "order id reused " + purchase.orderId());
            purchasedAt.put(purchase.orderId(), current.occurredAt());
            expect(!purchase.items().isEmpty() && purchase.items().size() <= 4, purchase.items().size() + " line items");
            expect(purchase.items().stream().map(LineItem::sku).distinct().count() == purchase.items().size(),
                    "the same sku twice in a basket");
            BigDecimal sum = purchase.items().stream()
                    .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            expect(sum.compareTo(purchase.amount()) == 0, "amount " + purchase.amount() + " but items add up to " + sum);
            expect(purchase.items().stream().allMatch(item -> item.quantity() >= 1
                    && item.unitPrice().signum() > 0), "a line item without quantity or price");
            expect(CURRENCIES.contains(purchase.currency()), "currency " + purchase.currency());
            expect(currency == null || currency.equals(purchase.currency()), "currency changed to " + purchase.currency());
            currency = purchase.currency();
            lastPurchaseAt = current.occurredAt();
        }

        private void orderStatus(EventPayload.OrderStatusChanged status) {
            String orderId = status.orderId();
            expect(purchasedAt.containsKey(orderId), "status of unknown order " + orderId);
            if (!purchasedAt.containsKey(orderId)) {
                return;
            }
            expect(current.occurredAt().isAfter(purchasedAt.get(orderId)), "status not after its purchase");
            expect(!storeOrders.contains(orderId), "status of a store purchase");
            String before = orderStatus.get(orderId);
            boolean allowed = switch (status.status()) {
                case "placed" -> before == null;
                case "shipped", "cancelled" -> "placed".equals(before);
                case "delivered" -> "shipped".equals(before);
                default -> false;
            };
            expect(allowed, "order " + orderId + " went from " + before + " to " + status.status());
            orderStatus.put(orderId, status.status());
        }

        private void sent(EventPayload.MessageSent sent) {
            String id = sent.messageId();
            expect(!sentChannel.containsKey(id), "message id reused " + id);
            sentChannel.put(id, sent.channel());
            sentAt.put(id, current.occurredAt());
            feedback.put(id, EnumSet.noneOf(MessageFeedbackKind.class));
            Channel channel = sent.channel();
            expectPlatform(channel == Channel.PUSH || channel == Channel.IN_APP
                    ? Optional.of(Platform.APP) : Optional.empty());
            switch (channel) {
                case EMAIL -> expect(emailStatus == EmailStatus.SUBSCRIBED
                        && Boolean.TRUE.equals(marketingConsent.get(Channel.EMAIL)), "email while " + emailStatus);
                case SMS -> expect(smsStatus == SmsStatus.SUBSCRIBED
                        && Boolean.TRUE.equals(marketingConsent.get(Channel.SMS)), "SMS while " + smsStatus);
                case PUSH -> expect(Boolean.TRUE.equals(pushGranted) && !appGone,
                        "push while permission is " + pushGranted + (appGone ? " and the app is gone" : ""));
                case IN_APP -> {
                    Instant session = lastVisit.get(Platform.APP);
                    expect(!appGone && session != null
                            && Duration.between(session, current.occurredAt()).toMinutes() <= 2,
                            "in-app message outside an app session");
                }
                case WEBHOOK -> expect(false, "webhook message");
            }
        }

        private void feedback(EventPayload.MessageFeedback answer) {
            String id = answer.messageId();
            Set<MessageFeedbackKind> seen = feedback.get(id);
            expect(seen != null, answer.kind() + " of a message never sent: " + id);
            if (seen == null) {
                return;
            }
            expect(sentChannel.get(id) == answer.channel(), "feedback on another channel than the send");
            expect(current.occurredAt().isAfter(sentAt.get(id)), "feedback not after its send");
            expect(seen.add(answer.kind()), answer.kind() + " twice for " + id);
            if (answer.kind() != MessageFeedbackKind.DELIVERED) {
                expect(seen.contains(MessageFeedbackKind.DELIVERED), answer.kind() + " before delivery");
            }
            if (answer.channel() == Channel.PUSH || answer.channel() == Channel.IN_APP) {
                expect(!appGone, "app message feedback while the app is uninstalled");
            }
            switch (answer.kind()) {
                case OPENED -> expect(answer.channel() != Channel.SMS, "an SMS open: carriers report none");
                case CLICKED -> clickedAt.put(id, current.occurredAt());
                case CONVERTED -> {
                    Instant clicked = clickedAt.get(id);
                    expect(clicked != null, "converted without a click");
                    expect(clicked != null && lastPurchaseAt != null && lastPurchaseAt.isAfter(clicked),
                            "converted without a purchase after the click");
                }
                case DELIVERED -> { }
            }
        }

        private void membership(EventPayload.MembershipChanged change) {
            expect(!change.tier().isBlank(), "membership without a tier");
            boolean allowed = switch (change.status()) {
                case STARTED -> membership == null || membership == MembershipStatus.CANCELLED;
                case RENEWED, CANCELLED -> membership != MembershipStatus.CANCELLED;
                // Announcements about a running membership: they leave its status as it was.
                case RENEWAL_DUE, PAYMENT_FAILED -> membership != null && membership != MembershipStatus.CANCELLED;
            };
            expect(allowed, "membership " + change.status() + " after " + membership);
            if (change.status() != MembershipStatus.RENEWAL_DUE && change.status() != MembershipStatus.PAYMENT_FAILED) {
                membership = change.status();
            }
        }

        private void profile(EventPayload.ProfileUpdated profile) {
            if (!profileSeen) {
                expect(Duration.between(first, current.occurredAt()).toMinutes() <= 10,
                        "first profile long after the customer's first event");
            }
            profileSeen = true;
            profile.email().ifPresent(email -> expect(email.equals(customerId + "@example.com"), "email " + email));
            profile.phone().ifPresent(phone -> expect(PHONE.matcher(phone).matches(), "phone " + phone));
            profile.timezone().ifPresent(zone -> expect(ZoneId.getAvailableZoneIds().contains(zone), "zone " + zone));
            profile.locale().ifPresent(locale -> expect(LOCALE.matcher(locale).matches(), "locale " + locale));
            profile.birthday().ifPresent(birthday -> {
                LocalDate date = LocalDate.parse(birthday);
                expect(date.getYear() >= 1920 && date.isBefore(LocalDate.of(2010, 1, 1)), "birthday " + birthday);
            });
            profile.pushEndpoint().ifPresent(endpoint -> {
                expectPlatform(Optional.of(Platform.APP));
                expect(endpoint.startsWith("arn:aws:sns:"), "push endpoint " + endpoint);
            });
        }

        private void expectPlatform(Optional<Platform> platform) {
            expect(current.platform().equals(platform), "platform " + current.platform() + " where " + platform
                    + " was due");
        }

        private void expect(boolean condition, String problem) {
            if (!condition) {
                problems.add(customerId + " " + current.eventId() + " " + current.type() + " at " + current.occurredAt()
                        + ": " + problem);
            }
        }
    }
}
