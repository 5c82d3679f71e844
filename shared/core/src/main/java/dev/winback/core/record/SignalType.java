package dev.winback.core.record;

import java.util.Locale;

/** The closed set of signal names the playbook maps to actions. */
public enum SignalType {
    MESSAGES_IGNORED, IGNORES_EVERY_CHANNEL, PURCHASE_LAPSE, PLATFORM_MIGRATION, LAPSED,
    PUSH_OPT_OUT, EMAIL_WITHDRAWN, MEMBERSHIP_CANCELLED, APP_UNINSTALLED;

    /** Whether the customer said it (opted out, unsubscribed, cancelled, uninstalled) rather than drifted. */
    public boolean saidByCustomer() {
        return switch (this) {
            case MESSAGES_IGNORED, IGNORES_EVERY_CHANNEL, PURCHASE_LAPSE, PLATFORM_MIGRATION, LAPSED -> false;
            case PUSH_OPT_OUT, EMAIL_WITHDRAWN, MEMBERSHIP_CANCELLED, APP_UNINSTALLED -> true;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
