package dev.winback.core.delivery;

import java.util.Optional;

/** What one write of {@link MessageLedger#storeAll} came to: what {@link MessageLedger#store} would have. */
public sealed interface LedgerWrite {

    /** The entry as stored, with its new version. */
    record Stored(LedgerEntry entry) implements LedgerWrite {
    }

    /** Another writer got there first: the stored version was no longer the one the write started from. */
    record Refused() implements LedgerWrite {
    }

    /** The write could not be made, or its outcome is not known: {@link MessageLedger#store} would have thrown this. */
    record Failed(RuntimeException cause) implements LedgerWrite {
    }

    /** As {@link MessageLedger#store} answers: the stored entry, empty when refused; throws when failed. */
    default Optional<LedgerEntry> orThrow() {
        return switch (this) {
            case Stored stored -> Optional.of(stored.entry());
            case Refused refused -> Optional.empty();
            case Failed failed -> throw failed.cause();
        };
    }
}
