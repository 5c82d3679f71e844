package dev.winback.core.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The preference-centre categories a message belongs to; a customer may mute any of them. The set is
 * closed on purpose: a category the centre cannot show is one the customer cannot turn off.
 */
public enum MessageCategory {
    PROMOTIONS("Promotions and sales"),
    NEW_PRODUCTS("New products and features"),
    ORDER_UPDATES("Updates about your orders"),
    REMINDERS("Reminders"),
    SURVEYS("Surveys and feedback requests");

    private final String label;

    MessageCategory(String label) {
        this.label = label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the preference centre names it to the customer. */
    public String label() {
        return label;
    }

    public static Optional<MessageCategory> byWireName(String wireName) {
        for (MessageCategory category : values()) {
            if (category.wireName().equals(wireName)) return Optional.of(category);
        }
        return Optional.empty();
    }
}
