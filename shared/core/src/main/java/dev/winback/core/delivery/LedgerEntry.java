package dev.winback.core.delivery;

import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message in the permanent send ledger: the request it serves, its attempts, every decision, and
 * the timer it waits for (a hold, a receipt deadline, a claim's lease). Transitions are pure and
 * keep {@code version}, which is the stored version a conditional write must still find (0: not
 * stored yet); the ledger returns the entry with the version it wrote.
 *
 * @param awaiting the attempt whose receipt the timer waits for, if any
 */
public record LedgerEntry(
        MessageKey key,
        DeliveryRequest request,
        LedgerStatus status,
        List<Attempt> attempts,
        List<MessageDecision> decisions,
        Optional<Instant> timer,
        Optional<Instant> leaseUntil,
        Optional<Integer> awaiting,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public LedgerEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(awaiting, "awaiting");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attempts = List.copyOf(attempts);
        decisions = List.copyOf(decisions);
    }

    /** A message not yet in the ledger. */
    public static LedgerEntry open(DeliveryRequest request, Instant now) {
        return new LedgerEntry(request.key(), request, LedgerStatus.READY, List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, now, now);
    }

    public LedgerEntry withVersion(long stored) {
        return new LedgerEntry(key, request, status, attempts, decisions, timer, leaseUntil, awaiting, stored,
                createdAt, updatedAt);
    }

    public Optional<Attempt> attempt(int number) {
        return number >= 1 && number <= attempts.size() ? Optional.of(attempts.get(number - 1)) : Optional.empty();
    }

    public Optional<Attempt> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    public boolean wasTried(Channel channel) {
        return attempts.stream().anyMatch(a -> a.channel() == channel);
    }

    public boolean anyReceipt() {
        return attempts.stream().anyMatch(a -> a.receiptAt().isPresent());
    }

    /** The status a message ends in when nothing more will be sent. */
    public LedgerStatus finalStatus() {
        if (attempts.stream().anyMatch(a -> a.status() == Attempt.Status.SENT)) return LedgerStatus.SENT;
        if (attempts.stream().anyMatch(a -> a.status() == Attempt.Status.UNKNOWN)) return LedgerStatus.UNKNOWN;
        if (attempts.stream().anyMatch(a -> a.status() == Attempt.Status.FAILED)) return LedgerStatus.FAILED;
        return LedgerStatus.SKIPPED;
    }

    // ---- transitions --------------------------------------------------------------------------

    LedgerEntry held(Instant until, List<MessageDecision> added, Instant now) {
        return next(LedgerStatus.HELD, attempts, added, Optional.of(until), Optional.empty(), Optional.empty(), now);
    }

    LedgerEntry stopped(LedgerStatus finalStatus, List<MessageDecision> added, Instant now) {
        return next(finalStatus, attempts, added, Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * Withheld for measurement: it would have been sent on {@code channel} now. Final, with no attempt,
     * so nothing counts it as a send.
     *
     * @param added the decisions of the planning that chose the channel
     */
    LedgerEntry heldOut(Channel channel, String detail, List<MessageDecision> added, Instant now) {
        List<MessageDecision> all = new ArrayList<>(added);
        all.add(MessageDecision.on(now, Kind.STOPPED, channel, Reason.HELD_OUT, detail));
        return next(LedgerStatus.HELD_OUT, attempts, all, Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * Takes the next attempt on {@code channel} until {@code leaseUntil}. With {@code timed} the lease
     * is also a timer, for claims no queue message will redeliver (a timer resumed them).
     */
    LedgerEntry claimed(Channel channel, List<MessageDecision> added, Instant now, Instant leaseUntil, boolean timed) {
        int number = attempts.size() + 1;
        List<Attempt> next = new ArrayList<>(attempts);
        next.add(new Attempt(number, channel, key.messageId(number), Attempt.Status.CLAIMED, now, Optional.empty(),
                Optional.empty()));
        return next(LedgerStatus.CLAIMED, next, added, timed ? Optional.of(leaseUntil) : Optional.empty(),
                Optional.of(leaseUntil), Optional.empty(), now);
    }

    /** Whether attempt {@code number} still waits for its provider's answer (or lost it to a lease). */
    boolean awaitsAnswer(int number) {
        return attempt(number).map(a -> a.status() == Attempt.Status.CLAIMED || a.status() == Attempt.Status.UNKNOWN)
                .orElse(false) && (status == LedgerStatus.CLAIMED || status == LedgerStatus.UNKNOWN);
    }

    /**
     * The provider took attempt {@code number}. With {@code receiptBy} (the channel gives receipts and
     * a later channel could still be tried) the timer waits for the receipt until then.
     */
    LedgerEntry sent(int number, String providerMessageId, Optional<Instant> receiptBy, Instant now) {
        Attempt attempt = attempt(number).orElseThrow();
        Optional<Instant> deadline = attempt.receiptAt().isPresent() ? Optional.empty() : receiptBy;
        return next(LedgerStatus.SENT, replaced(attempt.with(Attempt.Status.SENT, now, Optional.of(providerMessageId))),
                List.of(MessageDecision.on(now, Kind.SENT, attempt.channel(), Reason.ACCEPTED,
                        deadline.map(d -> "awaiting a receipt until " + d).orElse(attempt.messageId()))),
                deadline, Optional.empty(), deadline.map(d -> number), now);
    }

    /**
     * Attempt {@code number} failed for good; the message is ready for its next channel. A READY
     * entry always has a timer ({@code resumeAt}), so it moves on even if no worker or queue message
     * takes it further.
     */
    LedgerEntry failed(int number, Reason reason, String detail, Instant resumeAt, Instant now) {
        Attempt attempt = attempt(number).orElseThrow();
        return next(LedgerStatus.READY, replaced(attempt.with(Attempt.Status.FAILED, now, Optional.empty())),
                List.of(MessageDecision.on(now, Kind.FAILED, attempt.channel(), reason, detail)),
                Optional.of(resumeAt), Optional.empty(), Optional.empty(), now);
    }

    /**
     * Nothing was sent for attempt {@code number} (the provider refused for now, or the record changed
     * after the claim): it is undone, to be made again at {@code retryAt} at the latest.
     */
    LedgerEntry released(int number, Reason reason, String detail, Instant retryAt, Instant now) {
        Attempt attempt = attempt(number).orElseThrow();
        List<Attempt> rest = new ArrayList<>(attempts);
        rest.remove(number - 1);
        return next(LedgerStatus.READY, rest,
                List.of(MessageDecision.on(now, Kind.RETRYING, attempt.channel(), reason, detail)),
                Optional.of(retryAt), Optional.empty(), Optional.empty(), now);
    }

    /** How many times an attempt was undone and retried, for the backoff. */
    int retries() {
        return (int) decisions.stream().filter(d -> d.kind() == Kind.RETRYING).count();
    }

    /** Nobody knows whether the provider took attempt {@code number}: final, never resent blindly. */
    LedgerEntry unknown(int number, Reason reason, String detail, Instant now) {
        Attempt attempt = attempt(number).orElseThrow();
        return next(LedgerStatus.UNKNOWN, replaced(attempt.with(Attempt.Status.UNKNOWN, now, Optional.empty())),
                List.of(MessageDecision.on(now, Kind.UNKNOWN, attempt.channel(), reason, detail)),
                Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /** No receipt by the deadline: ready for the next channel. */
    LedgerEntry fellBack(Instant now) {
        Attempt attempt = attempt(awaiting.orElseThrow()).orElseThrow();
        return next(LedgerStatus.READY, attempts, List.of(MessageDecision.on(now, Kind.FELL_BACK, attempt.channel(),
                        Reason.NO_RECEIPT_BY_DEADLINE, "no receipt by " + timer.map(Instant::toString).orElse("the deadline"))),
                Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * A receipt (delivered, opened, ...) for attempt {@code number}. In time, it ends the wait; late
     * (after the fallback), it is only recorded. The first receipt of an attempt counts; later ones
     * change nothing, so redelivered feedback is harmless.
     *
     * @return empty when there is nothing to record
     */
    public Optional<LedgerEntry> receipt(int number, String kind, Instant at, Instant now) {
        Optional<Attempt> found = attempt(number);
        if (found.isEmpty() || found.get().receiptAt().isPresent()) return Optional.empty();
        Attempt attempt = found.get();
        boolean inTime = awaiting.isPresent() && awaiting.get() == number;
        MessageDecision decision = MessageDecision.on(now, inTime ? Kind.RECEIPT : Kind.LATE_RECEIPT, attempt.channel(),
                Reason.RECEIPT, kind + " at " + at);
        List<Attempt> marked = replaced(attempt.receipted(at));
        if (inTime) {
            return Optional.of(next(status, marked, List.of(decision), Optional.empty(), leaseUntil, Optional.empty(), now));
        }
        return Optional.of(next(status, marked, List.of(decision), timer, leaseUntil, awaiting, now));
    }

    private List<Attempt> replaced(Attempt attempt) {
        List<Attempt> next = new ArrayList<>(attempts);
        next.set(attempt.number() - 1, attempt);
        return next;
    }

    private LedgerEntry next(LedgerStatus nextStatus, List<Attempt> nextAttempts, List<MessageDecision> added,
                             Optional<Instant> nextTimer, Optional<Instant> nextLease, Optional<Integer> nextAwaiting,
                             Instant now) {
        List<MessageDecision> all = new ArrayList<>(decisions);
        all.addAll(added);
        return new LedgerEntry(key, request, nextStatus, nextAttempts, all, nextTimer, nextLease, nextAwaiting,
                version, createdAt, now);
    }
}
