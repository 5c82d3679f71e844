package dev.winback.core.outcome;

/**
 * The deployment's secret holdout key. It must never change once customers are assigned (not
 * with a deployment, not with a rotation of other secrets), or every group would be drawn again.
 */
@FunctionalInterface
public interface HoldoutKey {

    /** The key's bytes (at least 16); the same on every call. */
    byte[] bytes();
}
