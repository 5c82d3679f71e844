package dev.winback.core.record;

/** The current answer to "may we message them for this purpose?", with how it was obtained. */
public record ConsentGrant(boolean granted, String source, String wordingVersion) {

    /** At the same instant a withdrawal beats a grant; the rest only makes the order total. */
    static final java.util.Comparator<ConsentGrant> PRECEDENCE = java.util.Comparator
            .comparing((ConsentGrant c) -> !c.granted)
            .thenComparing(ConsentGrant::source)
            .thenComparing(ConsentGrant::wordingVersion);
}
