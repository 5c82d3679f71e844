package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.FailureReason;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import java.math.BigDecimal;
import dev.winback.core.event.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads an event's {@code properties} into the payload record of its type. */
final class PropertiesParser {

    /** Grant sources only Winback itself writes (see SmsStop): refused on events from outside. */
    static final java.util.List<String> WINBACKS_OWN_GRANTS = java.util.List.of(
            dev.winback.core.record.SmsStop.KEYWORD_SOURCE, "last-chance");

    static final String PATH = "properties";

    static final Choices<Platform> SESSION_PLATFORMS = Choices.of(List.of(Platform.APP, Platform.WEB), Platform::wireName);
    static final Choices<Channel> CHANNELS = Choices.of(List.of(Channel.values()), Channel::wireName);
    private static final Choices<EmailStatus> EMAIL_STATUSES = Choices.of(List.of(EmailStatus.values()), EmailStatus::wireName);
    private static final Choices<SmsStatus> SMS_STATUSES = Choices.of(List.of(SmsStatus.values()), SmsStatus::wireName);
    private static final Choices<MembershipStatus> MEMBERSHIP_STATUSES =
            Choices.of(List.of(MembershipStatus.values()), MembershipStatus::wireName);
    private static final Choices<FailureReason> FAILURE_REASONS =
            Choices.of(List.of(FailureReason.values()), FailureReason::wireName);
    private static final Choices<Purpose> PURPOSES = Choices.of(List.of(Purpose.values()), Purpose::wireName);
    /** A send's purpose: advertising is consented to, never sent for. */
    private static final Choices<Purpose> MESSAGE_PURPOSES = Choices.of(Purpose.OF_MESSAGES, Purpose::wireName);
    static final Choices<MessageCategory> CATEGORIES =
            Choices.of(List.of(MessageCategory.values()), MessageCategory::wireName);
    private static final List<String> LINE_ITEM_FIELDS = List.of("sku", "category", "quantity", "unitPrice");

    private final FieldReader in;

    PropertiesParser(FieldReader in) {
        this.in = in;
    }

    /** The payload, or null when something was wrong (recorded in the reader). */
    EventPayload parse(EventType type, JsonNode event) {
        JsonNode properties = event.get(PATH);
        if (properties == null) {
            if (type.carriesNothing()) {
                return emptyPayload(type);
            }
            in.reject(PATH, "is required");
            return null;
        }
        if (in.object(properties, PATH) == null) {
            return null;
        }
        EventPayload payload = payload(type, properties);
        in.rejectUnknown(properties, PATH, type.propertyNames(), type.carriesNothing()
                ? "is not a property of " + type.wireName() + ", which carries none"
                : "is not a property of " + type.wireName());
        return in.failed() ? null : payload;
    }

    private EventPayload payload(EventType type, JsonNode p) {
        return switch (type) {
            case SESSION_STARTED -> {
                Platform platform = in.choice(p, PATH, "platform", SESSION_PLATFORMS);
                yield platform == null ? null : new EventPayload.SessionStarted(platform);
            }
            case STORE_VISITED -> {
                String storeId = in.text(p, PATH, "storeId", ContractRules.NAME);
                yield storeId == null ? null : new EventPayload.StoreVisited(storeId);
            }
            case PURCHASE_COMPLETED -> purchase(p);
            case ORDER_STATUS_CHANGED -> {
                String orderId = in.text(p, PATH, "orderId", ContractRules.NAME);
                String status = in.text(p, PATH, "status", ContractRules.LABEL);
                yield orderId == null || status == null ? null : new EventPayload.OrderStatusChanged(orderId, status);
            }
            case MESSAGE_SENT -> {
                String messageId = in.text(p, PATH, "messageId", ContractRules.NAME);
                Channel channel = in.choice(p, PATH, "channel", CHANNELS);
                Optional<Purpose> purpose = in.optionalChoice(p, PATH, "purpose", MESSAGE_PURPOSES);
                yield messageId == null || channel == null ? null
                        : new EventPayload.MessageSent(messageId, channel, purpose);
            }
            case MESSAGE_DELIVERED -> feedback(MessageFeedbackKind.DELIVERED, p);
            case MESSAGE_OPENED -> feedback(MessageFeedbackKind.OPENED, p);
            case MESSAGE_CLICKED -> feedback(MessageFeedbackKind.CLICKED, p);
            case MESSAGE_CONVERTED -> feedback(MessageFeedbackKind.CONVERTED, p);
            case MESSAGE_FAILED -> {
                String messageId = in.text(p, PATH, "messageId", ContractRules.NAME);
                Channel channel = in.choice(p, PATH, "channel", CHANNELS);
                FailureReason reason = in.choice(p, PATH, "reason", FAILURE_REASONS);
                yield messageId == null || channel == null || reason == null ? null
                        : new EventPayload.MessageFailed(messageId, channel, reason);
            }
            case PUSH_PERMISSION_CHANGED -> {
                Boolean granted = in.flag(p, PATH, "granted");
                yield granted == null ? null : new EventPayload.PushPermissionChanged(granted);
            }
            case EMAIL_SUBSCRIPTION_CHANGED -> {
                EmailStatus status = in.choice(p, PATH, "status", EMAIL_STATUSES);
                yield status == null ? null : new EventPayload.EmailSubscriptionChanged(status);
            }
            case SMS_SUBSCRIPTION_CHANGED -> {
                SmsStatus status = in.choice(p, PATH, "status", SMS_STATUSES);
                yield status == null ? null : new EventPayload.SmsSubscriptionChanged(status);
            }
            case MEMBERSHIP_CHANGED -> {
                String tier = in.text(p, PATH, "tier", ContractRules.LABEL);
                MembershipStatus status = in.choice(p, PATH, "status", MEMBERSHIP_STATUSES);
                yield tier == null || status == null ? null : new EventPayload.MembershipChanged(tier, status);
            }
            case APP_INSTALLED, APP_UNINSTALLED -> emptyPayload(type);
            case PROFILE_UPDATED -> profile(p);
            case CONSENT_CHANGED -> consent(p);
            case PREFERENCES_CHANGED -> preferences(p);
            case REVIEW_SUBMITTED -> {
                Optional<String> orderId = in.optionalText(p, PATH, "orderId", ContractRules.NAME);
                Optional<String> sku = in.optionalText(p, PATH, "sku", ContractRules.NAME);
                Integer rating = in.wholeNumber(p, PATH, "rating", ContractRules.MIN_RATING, ContractRules.MAX_RATING);
                yield rating == null ? null : new EventPayload.ReviewSubmitted(orderId, sku, rating);
            }
            case SURVEY_ANSWERED -> {
                String question = in.text(p, PATH, "question", ContractRules.QUESTION);
                String answer = in.text(p, PATH, "answer", ContractRules.ANSWER);
                yield question == null || answer == null ? null : new EventPayload.SurveyAnswered(question, answer);
            }
        };
    }

    private EventPayload emptyPayload(EventType type) {
        return type == EventType.APP_INSTALLED ? new EventPayload.AppInstalled() : new EventPayload.AppUninstalled();
    }

    private EventPayload feedback(MessageFeedbackKind kind, JsonNode p) {
        String messageId = in.text(p, PATH, "messageId", ContractRules.NAME);
        Channel channel = in.choice(p, PATH, "channel", CHANNELS);
        return messageId == null || channel == null ? null : new EventPayload.MessageFeedback(kind, messageId, channel);
    }

    private EventPayload purchase(JsonNode p) {
        String orderId = in.text(p, PATH, "orderId", ContractRules.NAME);
        BigDecimal amount = in.money(p, PATH, "amount");
        String currency = in.text(p, PATH, "currency", ContractRules.CURRENCY);
        List<LineItem> items = lineItems(p);
        if (orderId == null || amount == null || currency == null || items == null) {
            return null;
        }
        return new EventPayload.PurchaseCompleted(orderId, amount, currency, items);
    }

    private List<LineItem> lineItems(JsonNode p) {
        String path = FieldReader.child(PATH, "items");
        JsonNode items = in.required(p, PATH, "items");
        if (items == null) {
            return null;
        }
        if (!items.isArray()) {
            in.reject(path, "must be an array of line items, not " + FieldReader.describe(items));
            return null;
        }
        if (items.size() > ContractRules.MAX_ITEMS) {
            // Checking each of thousands of lines would only bury this one error.
            in.reject(path, "must hold at most " + ContractRules.MAX_ITEMS + " items, not " + items.size());
            return null;
        }
        List<LineItem> lines = new ArrayList<>(items.size());
        boolean complete = true;
        for (int i = 0; i < items.size(); i++) {
            LineItem line = lineItem(items.get(i), FieldReader.element(path, i));
            complete &= line != null;
            lines.add(line);
        }
        return complete ? lines : null;
    }

    private LineItem lineItem(JsonNode item, String path) {
        if (in.object(item, path) == null) {
            return null;
        }
        String sku = in.text(item, path, "sku", ContractRules.NAME);
        String category = in.text(item, path, "category", ContractRules.NAME);
        Integer quantity = in.wholeNumber(item, path, "quantity", ContractRules.MIN_QUANTITY, ContractRules.MAX_QUANTITY);
        BigDecimal unitPrice = in.money(item, path, "unitPrice");
        in.rejectUnknown(item, path, LINE_ITEM_FIELDS, "is not a field of a line item");
        if (sku == null || category == null || quantity == null || unitPrice == null) {
            return null;
        }
        return new LineItem(sku, category, quantity, unitPrice);
    }

    private EventPayload profile(JsonNode p) {
        if (p.isEmpty()) {
            in.reject(PATH, "must hold at least one of: " + String.join(", ", EventType.PROFILE_UPDATED.propertyNames()));
            return null;
        }
        Optional<String> email = in.optionalText(p, PATH, "email", ContractRules.EMAIL);
        Optional<String> phone = in.optionalText(p, PATH, "phone", ContractRules.PHONE);
        Optional<String> timezone = in.optionalText(p, PATH, "timezone", ContractRules.TIMEZONE);
        Optional<String> locale = in.optionalText(p, PATH, "locale", ContractRules.LOCALE);
        Optional<String> birthday = in.optionalText(p, PATH, "birthday", ContractRules.BIRTHDAY);
        Optional<String> pushEndpoint = in.optionalText(p, PATH, "pushEndpoint", ContractRules.PUSH_ENDPOINT);
        return new EventPayload.ProfileUpdated(email, phone, timezone, locale, birthday, pushEndpoint);
    }

    private EventPayload consent(JsonNode p) {
        Channel channel = in.choice(p, PATH, "channel", CHANNELS);
        Purpose purpose = in.choice(p, PATH, "purpose", PURPOSES);
        Boolean granted = in.flag(p, PATH, "granted");
        String source = in.text(p, PATH, "source", ContractRules.LABEL);
        String wordingVersion = in.text(p, PATH, "wordingVersion", ContractRules.LABEL);
        Optional<String> messageId = in.optionalText(p, PATH, "messageId", ContractRules.NAME);
        Optional<String> ipAddress = in.optionalText(p, PATH, "ipAddress", ContractRules.IP_ADDRESS);
        if (channel == null || purpose == null || granted == null || source == null || wordingVersion == null) {
            return null;
        }
        if (granted && WINBACKS_OWN_GRANTS.contains(source)) {
            // Only Winback records a START texted to it or a press of its keep-subscribed button: a
            // grant from outside claiming to be one could lift an SMS STOP.
            in.reject(PATH + ".source", "must not be " + String.join(" or ", WINBACKS_OWN_GRANTS)
                    + " on a grant: those are recorded by Winback itself");
            return null;
        }
        return new EventPayload.ConsentChanged(channel, purpose, granted, source, wordingVersion, messageId, ipAddress);
    }

    private EventPayload preferences(JsonNode p) {
        if (p.isEmpty()) {
            in.reject(PATH, "must hold at least one of: " + String.join(", ", EventType.PREFERENCES_CHANGED.propertyNames()));
            return null;
        }
        Optional<Set<MessageCategory>> categories = optionalSet(p, "mutedCategories",
                MessageCategory.values().length, (value, field) -> in.choiceAt(value, field, CATEGORIES));
        Optional<Set<Channel>> channels = optionalSet(p, "mutedChannels", Channel.values().length,
                (value, field) -> in.choiceAt(value, field, CHANNELS));
        Optional<Integer> maxPerWeek = p.has("maxPerWeek")
                ? Optional.ofNullable(in.wholeNumber(p, PATH, "maxPerWeek", 0, ContractRules.MAX_PER_WEEK))
                : Optional.empty();
        Optional<QuietHours> quietHours = p.has("quietHours") ? Optional.ofNullable(quietHours(p)) : Optional.empty();
        Optional<Instant> pausedUntil = p.has("pausedUntil")
                ? Optional.ofNullable(in.instant(p, PATH, "pausedUntil"))
                : Optional.empty();
        return new EventPayload.PreferencesChanged(categories, channels, maxPerWeek, quietHours, pausedUntil);
    }

    private QuietHours quietHours(JsonNode p) {
        String path = FieldReader.child(PATH, "quietHours");
        JsonNode hours = p.get("quietHours");
        if (in.object(hours, path) == null) return null;
        String start = in.text(hours, path, "start", ContractRules.LOCAL_TIME);
        String end = in.text(hours, path, "end", ContractRules.LOCAL_TIME);
        in.rejectUnknown(hours, path, ContractRules.QUIET_HOURS_FIELDS, "is not a field of quiet hours");
        return start == null || end == null ? null : new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** An array of unique elements; null elements and duplicates are refused, never dropped silently. */
    private <T> Optional<Set<T>> optionalSet(JsonNode p, String name, int maxItems,
                                             java.util.function.BiFunction<JsonNode, String, T> element) {
        JsonNode array = p.get(name);
        if (array == null) return Optional.empty();
        String path = FieldReader.child(PATH, name);
        if (!array.isArray()) {
            in.reject(path, "must be an array, not " + FieldReader.describe(array));
            return Optional.empty();
        }
        if (array.size() > maxItems) {
            in.reject(path, "must hold at most " + maxItems + " items, not " + array.size());
            return Optional.empty();
        }
        Set<T> values = new LinkedHashSet<>();
        boolean complete = true;
        for (int i = 0; i < array.size(); i++) {
            T value = element.apply(array.get(i), FieldReader.element(path, i));
            if (value == null) {
                complete = false;
            } else if (!values.add(value)) {
                in.reject(FieldReader.element(path, i), "repeats an earlier item");
                complete = false;
            }
        }
        return complete ? Optional.of(values) : Optional.empty();
    }
}
