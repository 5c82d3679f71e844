package dev.winback.core.event;

/** What a consent covers. Transactional messages (order status) are a separate permission from marketing. */
public enum Purpose {
    MARKETING, TRANSACTIONAL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
