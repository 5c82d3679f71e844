package dev.winback.core.event;

public enum SmsStatus {
    SUBSCRIBED, UNSUBSCRIBED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
