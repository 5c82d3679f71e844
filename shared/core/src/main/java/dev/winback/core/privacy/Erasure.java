package dev.winback.core.privacy;

/**
 * What one erasure did.
 *
 * @param contactsTombstoned address hashes tombstoned (one per address and key of the secret)
 * @param rejectedDeleted    rejected events whose body named the customer or one of their addresses
 */
public record Erasure(int itemsDeleted, int contactsTombstoned, int rejectedDeleted) {
}
