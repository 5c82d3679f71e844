package dev.winback.core;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded random events of every type, for property tests of the record's merge rules. */
public final class RandomEvents {

    private final Random random;
    private final Instant start;
    private final Duration span;
    private int sequence;

    public RandomEvents(long seed, Instant start, Duration span) {
        this.random = new Random(seed);
        this.start = start;
        this.span = span;
    }

    public List<EngagementEvent> forCustomer(String customerId, int count) {
        List<EngagementEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) events.add(next(customerId));
        return events;
    }

    public EngagementEvent next(String customerId) {
        // Whole seconds, and sometimes the very same instant, so that tie rules get exercised.
        long seconds = random.nextInt(10) == 0 ? 0 : (long) (random.nextDouble() * span.toSeconds());
        Instant at = start.plusSeconds(seconds);
        Optional<Platform> platform = random.nextBoolean() ? Optional.empty()
                : Optional.of(pick(Platform.values()));
        return new EngagementEvent("e-" + customerId + "-" + (sequence++), customerId, at, platform, payload());
    }

    private EventPayload payload() {
        Channel channel = pick(Channel.values());
        return switch (random.nextInt(19)) {
            case 0, 1 -> new EventPayload.SessionStarted(random.nextBoolean() ? Platform.APP : Platform.WEB);
            case 2 -> new EventPayload.StoreVisited("s-" + random.nextInt(5));
            case 3 -> new EventPayload.PurchaseCompleted("o-" + random.nextInt(1_000_000),
                    BigDecimal.valueOf(random.nextInt(20_000), 2), random.nextBoolean() ? "USD" : "EUR",
                    List.of(new LineItem("sku-" + random.nextInt(50), pick(new String[]{"shoes", "books", "audio",
                            "garden", "toys", "kitchen", "sport"}), 1 + random.nextInt(3),
                            BigDecimal.valueOf(random.nextInt(10_000), 2))));
            case 4 -> new EventPayload.OrderStatusChanged("o-" + random.nextInt(1000), "shipped");
            case 5 -> new EventPayload.MessageSent("m-" + random.nextInt(1000), channel,
                    random.nextBoolean() ? Optional.empty() : Optional.of(pick(Purpose.OF_MESSAGES.toArray(Purpose[]::new))));
            case 6 -> new EventPayload.MessageFeedback(pick(MessageFeedbackKind.values()), "m-" + random.nextInt(1000),
                    channel);
            case 7 -> new EventPayload.PushPermissionChanged(random.nextBoolean());
            case 8 -> new EventPayload.EmailSubscriptionChanged(pick(EmailStatus.values()));
            case 9 -> new EventPayload.SmsSubscriptionChanged(pick(SmsStatus.values()));
            case 10 -> new EventPayload.MembershipChanged(random.nextBoolean() ? "gold" : "silver",
                    pick(MembershipStatus.values()));
            case 11 -> random.nextBoolean() ? new EventPayload.AppInstalled() : new EventPayload.AppUninstalled();
            case 12 -> new EventPayload.ProfileUpdated(
                    maybe("user" + random.nextInt(3) + "@example.com"), maybe("+1555000" + random.nextInt(10)),
                    maybe(pick(new String[]{"Europe/Madrid", "America/New_York", "Asia/Seoul"})),
                    maybe(pick(new String[]{"es-ES", "en-US", "ko-KR"})), maybe("07-14"),
                    maybe("endpoint-" + random.nextInt(3)));
            case 13 -> new EventPayload.ConsentChanged(channel, pick(Purpose.values()), random.nextBoolean(),
                    "signup_form", "2026-01");
            case 14 -> new EventPayload.MessageFailed("m-" + random.nextInt(1000), channel,
                    pick(dev.winback.core.event.FailureReason.values()));
            case 15 -> new EventPayload.PreferencesChanged(
                    random.nextBoolean() ? Optional.empty()
                            : Optional.of(java.util.Set.of(pick(dev.winback.core.event.MessageCategory.values()))),
                    random.nextBoolean() ? Optional.empty() : Optional.of(java.util.Set.of(channel)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(random.nextInt(4)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(new dev.winback.core.event.QuietHours(
                            java.time.LocalTime.of(20 + random.nextInt(3), 0), java.time.LocalTime.of(7 + random.nextInt(2), 0))),
                    random.nextBoolean() ? Optional.empty() : Optional.of(start.plusSeconds(random.nextInt(1_000_000))));
            case 16 -> new EventPayload.ReviewSubmitted(
                    random.nextBoolean() ? Optional.empty() : Optional.of("o-" + random.nextInt(1000)),
                    random.nextBoolean() ? Optional.empty() : Optional.of("sku-" + random.nextInt(50)),
                    1 + random.nextInt(5));
            // Few questions and answers, so that answers to one question meet, at the same instant too.
            case 17 -> new EventPayload.SurveyAnswered("q" + random.nextInt(40),
                    pick(new String[]{"running", "tennis", "yoga", "M", "L"}));
            default -> new EventPayload.MessageSent("m-" + random.nextInt(1000), channel);
        };
    }

    private Optional<String> maybe(String value) {
        return random.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
