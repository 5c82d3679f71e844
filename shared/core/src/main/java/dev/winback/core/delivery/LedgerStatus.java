package dev.winback.core.delivery;

/**
 * Where a message stands in the send ledger. {@code CLAIMED} is taken, with a lease, right before a
 * provider call; the call's answer moves it on. {@link #isFinal() Final} states are never left by a
 * request, only by a receipt deadline (a SENT message falling back to its next channel).
 */
public enum LedgerStatus {
    /** Waiting for a timer: quiet hours, a frequency cap, a pause. */
    HELD,
    /** A worker is calling a provider; if the lease runs out the message becomes UNKNOWN. */
    CLAIMED,
    /** Ready to try the next channel: just opened, or released after a provider refused for now. */
    READY,
    /** A provider accepted the message (and a receipt may still be awaited). */
    SENT,
    /** Every planned channel failed or was not allowed, and at least one was tried. */
    FAILED,
    /** A provider may have the message; never resent blindly. */
    UNKNOWN,
    /** Nothing was sent: no channel allowed it, or it expired while held. */
    SKIPPED,
    /**
     * Nothing was sent because the customer is in the control group or the unit's holdout, though
     * the message passed every check and would have gone out now: the comparison group's record.
     */
    HELD_OUT;

    public boolean isFinal() {
        return switch (this) {
            case SENT, FAILED, UNKNOWN, SKIPPED, HELD_OUT -> true;
            case HELD, CLAIMED, READY -> false;
        };
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
