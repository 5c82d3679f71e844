package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Stamped;

import java.util.Optional;

/** Where each channel reaches a customer, from the record's profile. Personal data: never logged. */
public final class Addresses {

    private Addresses() {
    }

    public static Optional<String> of(EngagementRecord record, Channel channel) {
        return switch (channel) {
            case EMAIL -> value(record.profile().email());
            case SMS -> value(record.profile().phone());
            case PUSH -> value(record.profile().pushEndpoint());
            // Messenger providers address customers by phone number (WhatsApp, Viber).
            case WEBHOOK -> value(record.profile().phone());
            case IN_APP -> Optional.of(record.customerId());
        };
    }

    private static Optional<String> value(Stamped<String> field) {
        return field == null ? Optional.empty() : Optional.of(field.value());
    }
}
