package dev.winback.core.record;

/** The current answer to "may we message them for this purpose?", with how it was obtained. */
public record ConsentGrant(boolean granted, String source, String wordingVersion) {

    /** At the same instant a withdrawal beats a grant. */
    static int precedence(ConsentGrant a, ConsentGrant b) {
        return Boolean.compare(!a.granted, !b.granted);
    }
}
