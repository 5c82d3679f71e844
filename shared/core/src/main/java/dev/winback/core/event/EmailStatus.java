package dev.winback.core.event;

public enum EmailStatus {
    SUBSCRIBED, UNSUBSCRIBED, COMPLAINED, BLOCKED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
