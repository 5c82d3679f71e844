package dev.winback.adapters.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The types of contract v1 and the property names each one takes; the parser refuses any other name. */
enum EventType {
    SESSION_STARTED("session_started", List.of("platform"), List.of()),
    STORE_VISITED("store_visited", List.of("storeId"), List.of()),
    PURCHASE_COMPLETED("purchase_completed", List.of("orderId", "amount", "currency", "items"), List.of()),
    ORDER_STATUS_CHANGED("order_status_changed", List.of("orderId", "status"), List.of()),
    /** {@code purpose} is optional: a send without one counts as marketing for frequency caps. */
    MESSAGE_SENT("message_sent", List.of("messageId", "channel"), List.of("purpose")),
    MESSAGE_DELIVERED("message_delivered", List.of("messageId", "channel"), List.of()),
    MESSAGE_OPENED("message_opened", List.of("messageId", "channel"), List.of()),
    MESSAGE_CLICKED("message_clicked", List.of("messageId", "channel"), List.of()),
    MESSAGE_CONVERTED("message_converted", List.of("messageId", "channel"), List.of()),
    MESSAGE_FAILED("message_failed", List.of("messageId", "channel", "reason"), List.of()),
    PUSH_PERMISSION_CHANGED("push_permission_changed", List.of("granted"), List.of()),
    EMAIL_SUBSCRIPTION_CHANGED("email_subscription_changed", List.of("status"), List.of()),
    SMS_SUBSCRIPTION_CHANGED("sms_subscription_changed", List.of("status"), List.of()),
    MEMBERSHIP_CHANGED("membership_changed", List.of("tier", "status"), List.of()),
    APP_INSTALLED("app_installed", List.of(), List.of()),
    APP_UNINSTALLED("app_uninstalled", List.of(), List.of()),
    /** Every field optional, but at least one present. */
    PROFILE_UPDATED("profile_updated", List.of(),
            List.of("email", "phone", "timezone", "locale", "birthday", "pushEndpoint")),
    CONSENT_CHANGED("consent_changed", List.of("channel", "purpose", "granted", "source", "wordingVersion"),
            List.of("messageId", "ipAddress")),
    /** Every field optional, but at least one present. */
    PREFERENCES_CHANGED("preferences_changed", List.of(),
            List.of("mutedCategories", "mutedChannels", "maxPerWeek", "quietHours", "pausedUntil")),
    /** {@code orderId} and {@code sku} are optional: a review may be of a shop or of an unknown order. */
    REVIEW_SUBMITTED("review_submitted", List.of("rating"), List.of("orderId", "sku")),
    SURVEY_ANSWERED("survey_answered", List.of("question", "answer"), List.of());

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final List<String> requiredProperties;
    private final List<String> optionalProperties;

    EventType(String wireName, List<String> requiredProperties, List<String> optionalProperties) {
        this.wireName = wireName;
        this.requiredProperties = requiredProperties;
        this.optionalProperties = optionalProperties;
    }

    static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }

    String wireName() {
        return wireName;
    }

    List<String> requiredProperties() {
        return requiredProperties;
    }

    List<String> propertyNames() {
        return Stream.concat(requiredProperties.stream(), optionalProperties.stream()).toList();
    }

    /** app_installed and app_uninstalled carry nothing, so their properties may be left out. */
    boolean carriesNothing() {
        return requiredProperties.isEmpty() && optionalProperties.isEmpty();
    }
}
