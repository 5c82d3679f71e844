package dev.winback.core.event;

public enum MembershipStatus {
    STARTED, RENEWED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
