package dev.winback.core.event;

/** Where a customer shows up. Moving between platforms is migration, not churn. */
public enum Platform {
    APP, WEB, STORE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
