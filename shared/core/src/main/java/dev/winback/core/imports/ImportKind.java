package dev.winback.core.imports;

/** What an imported event brings to a record, for the import's summary. */
public enum ImportKind {
    /** An email address, phone number or push token. */
    ADDRESS,
    /** A marketing consent withdrawn on a channel. */
    OPT_OUT,
    /** A marketing consent granted, with its own evidence. */
    GRANT,
    /** A profile attribute (country, an interest) or the time zone and locale. */
    ATTRIBUTE
}
