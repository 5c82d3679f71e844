package dev.winback.core.observe;

/**
 * Where the core reports what went wrong but was handled (a record that stays due, a batch to be
 * retried). The core never logs: the composition root decides where warnings go. Messages name
 * what happened and ids only, never a customer's details.
 */
@FunctionalInterface
public interface Warnings {

    /** Drops every warning; for tests that assert on outcomes, not on reports. */
    Warnings NONE = (message, cause) -> { };

    /** @param cause the failure behind the warning, or null */
    void warn(String message, Throwable cause);

    default void warn(String message) {
        warn(message, null);
    }

    /** Something an operator may want to see that is no problem of Winback's (an event refused as invalid). */
    default void note(String message) {
    }
}
