package dev.winback.core.cdp;

/**
 * A CDP's anonymous id (Segment's {@code anonymousId}: a browser or device before anyone signs in)
 * stands for a customer of its own, under an id no integrator's customer id can take, until an
 * {@code identify} links it to the customer it turned out to be.
 */
public final class AnonymousIds {

    /** Customer ids of anonymous visitors start with this; integrators' ids never should. */
    public static final String PREFIX = "anon:";

    private AnonymousIds() {
    }

    public static String customerIdOf(String anonymousId) {
        return PREFIX + anonymousId;
    }

    public static boolean isAnonymous(String customerId) {
        return customerId.startsWith(PREFIX);
    }
}
