package dev.winback.core.record;

/**
 * The current answer to "may we message them for this purpose?", with how it was obtained.
 *
 * @param evidenced whether the change carried its own evidence (the request's address or the
 *                  message it answered), which an explicit opt-in after an SMS STOP needs
 */
public record ConsentGrant(boolean granted, String source, String wordingVersion, boolean evidenced) {

    public ConsentGrant(boolean granted, String source, String wordingVersion) {
        this(granted, source, wordingVersion, false);
    }

    /** At the same instant a withdrawal beats a grant; the rest only makes the order total. */
    static final java.util.Comparator<ConsentGrant> PRECEDENCE = java.util.Comparator
            .comparing((ConsentGrant c) -> !c.granted)
            .thenComparing(ConsentGrant::source)
            .thenComparing(ConsentGrant::wordingVersion)
            .thenComparing(ConsentGrant::evidenced);
}
