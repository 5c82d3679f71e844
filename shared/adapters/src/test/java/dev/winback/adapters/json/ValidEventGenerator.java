package dev.winback.adapters.json;

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
import dev.winback.core.event.MessageCategory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random events that satisfy contract v1, reaching for its edges: 128-character ids,
 * non-Latin text, amounts with trailing zeros, nanosecond instants, 02-29 birthdays, 100 line items.
 */
final class ValidEventGenerator {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:@-";
    private static final List<String> WORDS = List.of("shipped", "gold", "Café crème", "東京", "서울 매장", "متجر الرياض",
            "Магазин №7", "checkout-form", "2026-09", "SHOE-RUN-42", "a", "#4711", "returned / refunded");
    private static final List<String> ZONES = List.of("Europe/Madrid", "America/New_York", "Asia/Seoul", "Asia/Riyadh",
            "Europe/Moscow", "UTC", "Australia/Lord_Howe", "America/Argentina/Buenos_Aires", "Etc/GMT-14");
    private static final List<String> LOCALES = List.of("es-ES", "ar-SA", "ko-KR", "ru-RU", "en", "zh-Hant-TW", "es-419");
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59.999999999Z");

    private final Random random;

    ValidEventGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<EngagementEvent> events(int count) {
        List<EngagementEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(EventType.values()[i % EventType.values().length]));
        }
        return events;
    }

    EngagementEvent event(EventType type) {
        EventPayload payload = payload(type);
        Optional<Platform> platform = payload instanceof EventPayload.SessionStarted session
                ? maybe(() -> session.platform())
                : maybe(() -> pick(List.of(Platform.values())));
        return new EngagementEvent(id("evt-"), customerId(), instant(), platform, payload);
    }

    private EventPayload payload(EventType type) {
        return switch (type) {
            case SESSION_STARTED -> new EventPayload.SessionStarted(pick(List.of(Platform.APP, Platform.WEB)));
            case STORE_VISITED -> new EventPayload.StoreVisited(name());
            case PURCHASE_COMPLETED -> new EventPayload.PurchaseCompleted(name(), money(), currency(), lineItems());
            case ORDER_STATUS_CHANGED -> new EventPayload.OrderStatusChanged(name(), label());
            case MESSAGE_SENT -> new EventPayload.MessageSent(name(), channel(), maybe(() -> pick(Purpose.OF_MESSAGES)));
            case MESSAGE_DELIVERED -> new EventPayload.MessageFeedback(MessageFeedbackKind.DELIVERED, name(), channel());
            case MESSAGE_OPENED -> new EventPayload.MessageFeedback(MessageFeedbackKind.OPENED, name(), channel());
            case MESSAGE_CLICKED -> new EventPayload.MessageFeedback(MessageFeedbackKind.CLICKED, name(), channel());
            case MESSAGE_CONVERTED -> new EventPayload.MessageFeedback(MessageFeedbackKind.CONVERTED, name(), channel());
            case PUSH_PERMISSION_CHANGED -> new EventPayload.PushPermissionChanged(random.nextBoolean());
            case EMAIL_SUBSCRIPTION_CHANGED -> new EventPayload.EmailSubscriptionChanged(pick(List.of(EmailStatus.values())));
            case SMS_SUBSCRIPTION_CHANGED -> new EventPayload.SmsSubscriptionChanged(pick(List.of(SmsStatus.values())));
            case MEMBERSHIP_CHANGED -> new EventPayload.MembershipChanged(label(), pick(List.of(MembershipStatus.values())));
            case APP_INSTALLED -> new EventPayload.AppInstalled();
            case APP_UNINSTALLED -> new EventPayload.AppUninstalled();
            case PROFILE_UPDATED -> profile();
            case MESSAGE_FAILED -> new EventPayload.MessageFailed(name(), channel(),
                    pick(List.of(dev.winback.core.event.FailureReason.values())));
            case CONSENT_CHANGED -> new EventPayload.ConsentChanged(channel(), pick(List.of(Purpose.values())),
                    random.nextBoolean(), label(), label(),
                    random.nextBoolean() ? java.util.Optional.of(name()) : java.util.Optional.empty(),
                    random.nextBoolean() ? java.util.Optional.of(random.nextBoolean() ? "192.0.2." + random.nextInt(256)
                            : "2001:db8::" + Integer.toHexString(random.nextInt(65536))) : java.util.Optional.empty());
            case PREFERENCES_CHANGED -> preferences();
            case REVIEW_SUBMITTED -> new EventPayload.ReviewSubmitted(maybe(this::name), maybe(this::name),
                    ContractRules.MIN_RATING + random.nextInt(ContractRules.MAX_RATING - ContractRules.MIN_RATING + 1));
            case SURVEY_ANSWERED -> new EventPayload.SurveyAnswered(question(), answer());
        };
    }

    /** Attribute names from one letter to 64 characters, with every character the rule allows. */
    private String question() {
        String rest = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        int length = random.nextInt(10) == 0 ? ContractRules.MAX_QUESTION_LENGTH : 1 + random.nextInt(24);
        StringBuilder question = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        while (question.length() < length) question.append(rest.charAt(random.nextInt(rest.length())));
        return question.toString();
    }

    private String answer() {
        return random.nextInt(10) == 0 ? "ü".repeat(ContractRules.MAX_ANSWER_LENGTH) : pick(WORDS);
    }

    private EventPayload preferences() {
        while (true) {
            var preferences = new EventPayload.PreferencesChanged(
                    maybe(() -> {
                        java.util.Set<MessageCategory> categories = new java.util.HashSet<>();
                        for (int i = random.nextInt(4); i > 0; i--) {
                            categories.add(MessageCategory.values()[random.nextInt(MessageCategory.values().length)]);
                        }
                        return categories;
                    }),
                    maybe(() -> {
                        java.util.Set<dev.winback.core.event.Channel> channels = new java.util.HashSet<>();
                        for (int i = random.nextInt(3); i > 0; i--) channels.add(channel());
                        return channels;
                    }),
                    maybe(() -> random.nextInt(ContractRules.MAX_PER_WEEK + 1)),
                    maybe(() -> new dev.winback.core.event.QuietHours(
                            java.time.LocalTime.of(random.nextInt(24), random.nextInt(60)),
                            java.time.LocalTime.of(random.nextInt(24), random.nextInt(60)))),
                    maybe(() -> instant()));
            if (preferences.mutedCategories().isPresent() || preferences.mutedChannels().isPresent()
                    || preferences.maxPerWeek().isPresent() || preferences.quietHours().isPresent()
                    || preferences.pausedUntil().isPresent()) {
                return preferences;
            }
        }
    }

    private EventPayload profile() {
        while (true) {
            var profile = new EventPayload.ProfileUpdated(
                    maybe(() -> "user" + random.nextInt(100_000) + "@example.com"),
                    maybe(() -> "+1555" + String.format("%07d", random.nextInt(10_000_000))),
                    maybe(() -> pick(ZONES)),
                    maybe(() -> pick(LOCALES)),
                    maybe(this::birthday),
                    maybe(() -> random.nextBoolean()
                            ? "arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/winback-ios/" + hex(36)
                            : hex(64 + random.nextInt(200))));
            boolean any = profile.email().isPresent() || profile.phone().isPresent() || profile.timezone().isPresent()
                    || profile.locale().isPresent() || profile.birthday().isPresent() || profile.pushEndpoint().isPresent();
            if (any) {
                return profile;
            }
        }
    }

    private String birthday() {
        LocalDate date = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(366 * 1100));
        if (date.getYear() > 2999) {
            date = date.withYear(2999);
        }
        if (random.nextInt(10) == 0) {
            return "02-29";
        }
        return random.nextBoolean() ? date.toString() : date.toString().substring(5);
    }

    private List<LineItem> lineItems() {
        int count = random.nextInt(20) == 0 ? ContractRules.MAX_ITEMS : random.nextInt(4);
        List<LineItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new LineItem(name(), name(), 1 + random.nextInt(ContractRules.MAX_QUANTITY), money()));
        }
        return items;
    }

    /** Any scale from 0 to 4, trailing zeros kept: 10.50 must come back as 10.50. */
    private BigDecimal money() {
        int scale = random.nextInt(ContractRules.MAX_DECIMAL_PLACES + 1);
        BigInteger bound = ContractRules.AMOUNT_LIMIT.movePointRight(scale).toBigInteger();
        BigInteger unscaled = random.nextInt(4) == 0
                ? BigInteger.valueOf(random.nextInt(100_000))
                : new BigInteger(bound.bitLength(), random).mod(bound);
        return new BigDecimal(unscaled, scale);
    }

    private Instant instant() {
        long span = EARLIEST.until(LATEST, ChronoUnit.SECONDS);
        Instant at = EARLIEST.plusSeconds(Math.floorMod(random.nextLong(), span));
        return switch (random.nextInt(4)) {
            case 0 -> at;
            case 1 -> at.plusMillis(random.nextInt(1000));
            case 2 -> at.plusNanos(random.nextInt(1_000_000) * 1000L);
            default -> at.plusNanos(random.nextInt(1_000_000_000));
        };
    }

    private String id(String prefix) {
        int length = random.nextInt(10) == 0 ? ContractRules.MAX_ID_LENGTH - prefix.length() : 1 + random.nextInt(24);
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** Opaque ids may hold '@' and '.', just never in the shape of an email address. */
    private String customerId() {
        return switch (random.nextInt(3)) {
            case 0 -> "c-" + String.format("%06d", random.nextInt(1_000_000));
            case 1 -> "tenant-7@c-" + random.nextInt(1000);
            default -> "shop:eu.c" + random.nextInt(1000);
        };
    }

    private String name() {
        return random.nextInt(10) == 0 ? "n".repeat(ContractRules.MAX_NAME_LENGTH) : pick(WORDS);
    }

    private String label() {
        return random.nextInt(10) == 0 ? "l".repeat(ContractRules.MAX_LABEL_LENGTH) : pick(WORDS);
    }

    private String currency() {
        return pick(List.of("EUR", "USD", "KRW", "SAR", "RUB", "KWD", "JPY"));
    }

    private Channel channel() {
        return pick(List.of(Channel.values()));
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private <T> Optional<T> maybe(java.util.function.Supplier<T> value) {
        return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
