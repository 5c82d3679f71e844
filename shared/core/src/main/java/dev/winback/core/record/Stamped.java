package dev.winback.core.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A last-writer-wins register: a value with the time it became true. Merging keeps the later
 * value; at the same instant a total order on the values decides (restrictive values first), so
 * any order of the same events gives the same result.
 *
 * @param at         when the value became true, as the event claimed ({@code occurredAt})
 * @param receivedAt when Winback received the event that set it, where that matters (consent and
 *                   subscriptions); null when unknown (then taken to be {@code at})
 */
public record Stamped<T>(T value, Instant at, Instant receivedAt) {

    public Stamped {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
        if (at.equals(receivedAt)) receivedAt = null; // one form for "received when it claims"
    }

    public Stamped(T value, Instant at) {
        this(value, at, null);
    }

    /** When Winback had the value: its receipt where known, else its claimed time. */
    public Instant received() {
        return receivedAt == null ? at : receivedAt;
    }

    /**
     * The winner of two stamps: the later one; at the same instant the one {@code precedence} ranks
     * higher. {@code precedence} must be a total order on the values. Either stamp may be null.
     */
    public static <T> Stamped<T> latest(Stamped<T> current, Stamped<T> candidate, Comparator<? super T> precedence) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        int byTime = candidate.at.compareTo(current.at);
        if (byTime != 0) return byTime > 0 ? candidate : current;
        return precedence.compare(candidate.value, current.value) > 0 ? candidate : current;
    }

    /**
     * Like {@link #latest}, except that a permissive value replaces a restrictive one only when it is
     * both newer by its claim and received after it (or with it). A timestamp from outside is a claim: a grant
     * stamped in the future (or merely ahead of a withdrawal it had not seen) must not undo a
     * withdrawal Winback had already received. Applied in the order of receipt the result is exact;
     * in another order it may err only towards a withdrawal.
     */
    public static <T> Stamped<T> latestWithdrawalFirst(Stamped<T> current, Stamped<T> candidate,
                                                       Predicate<? super T> restrictive,
                                                       Comparator<? super T> precedence) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        boolean currentRestricts = restrictive.test(current.value);
        boolean candidateRestricts = restrictive.test(candidate.value);
        if (currentRestricts == candidateRestricts) {
            Stamped<T> winner = latest(current, candidate, precedence);
            if (!currentRestricts) return winner;
            // Two withdrawals: the later claim speaks, but as received at the later of their receipts,
            // so a grant received between them cannot outlive the one received after it.
            return new Stamped<>(winner.value, winner.at, Instants.max(current.received(), candidate.received()));
        }
        Stamped<T> withdrawal = currentRestricts ? current : candidate;
        Stamped<T> grant = currentRestricts ? candidate : current;
        // Received at the same instant (one batch), neither was known before the other: the claims decide.
        boolean grantIsNewer = grant.at.isAfter(withdrawal.at) && !grant.received().isBefore(withdrawal.received());
        return grantIsNewer ? grant : withdrawal;
    }
}
