package dev.winback.core.delivery;

/** What became of writing a claim ({@link MessageLedger#claim}). */
public sealed interface LedgerClaim {

    /**
     * The claim is stored.
     *
     * @param recordChecked whether the same write proved the customer's record still at the version
     *                      the send was planned on; if not, the caller reads the record again
     */
    record Claimed(LedgerEntry entry, boolean recordChecked) implements LedgerClaim {
    }

    /** Another writer got to the entry first (a duplicate request, a receipt): nothing was stored. */
    record Taken() implements LedgerClaim {
    }

    /** The customer's record changed since it was read: nothing was stored, the send must be planned again. */
    record RecordChanged() implements LedgerClaim {
    }
}
