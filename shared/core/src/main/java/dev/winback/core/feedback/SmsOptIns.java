package dev.winback.core.feedback;

/**
 * Takes a number off the provider's own SMS opt-out list after it texted START (the provider refuses
 * every text to a number on it). Best effort, never throws: the provider may refuse (SNS allows it
 * once in 30 days per number), and then the sends it refuses say so in the ledger.
 */
@FunctionalInterface
public interface SmsOptIns {
    SmsOptIns NONE = e164 -> { };

    void optIn(String e164);
}
