package dev.winback.core.delivery;

/**
 * Where delivery gets its send-time settings, asked once per delivery: caps, quiet hours, expiry
 * and receipt waits an operator activates reach it without a restart. Throws when no settings could
 * be read yet (the delivery fails and is retried), never hands out defaults in their place.
 */
public interface DeliveryPolicies {

    DeliveryPolicy delivery();

    /** Always the same settings (tests, tools, the constructors that take a plain policy). */
    static DeliveryPolicies constant(DeliveryPolicy policy) {
        return () -> policy;
    }
}
