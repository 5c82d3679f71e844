package dev.winback.core.event;

/** A way of reaching a customer. */
public enum Channel {
    EMAIL, SMS, PUSH, IN_APP, WEBHOOK;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
