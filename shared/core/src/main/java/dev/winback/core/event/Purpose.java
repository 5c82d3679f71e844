package dev.winback.core.event;

import java.util.Arrays;
import java.util.List;

/**
 * What a consent covers. Transactional messages (order status) are a separate permission from marketing.
 * Advertising (the customer's hashed address in an ad platform's audience) is a consent purpose only:
 * no message is ever sent for it, and it is off unless the customer granted it.
 */
public enum Purpose {
    MARKETING, TRANSACTIONAL, ADVERTISING;

    /** The purposes a message, a journey or a playbook action may have. */
    public static final List<Purpose> OF_MESSAGES = Arrays.stream(values()).filter(Purpose::ofMessages).toList();

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a message may be sent for this purpose; advertising is only ever consented to. */
    public boolean ofMessages() {
        return switch (this) {
            case MARKETING, TRANSACTIONAL -> true;
            case ADVERTISING -> false;
        };
    }

    /** Fails fast on a message planned for a purpose no message may have: the parsers refuse it first. */
    public static Purpose requireOfMessages(Purpose purpose) {
        if (!purpose.ofMessages()) {
            throw new IllegalArgumentException("no message is sent for purpose " + purpose.wireName());
        }
        return purpose;
    }
}
