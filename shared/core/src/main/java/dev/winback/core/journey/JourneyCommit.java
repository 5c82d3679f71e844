package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.observe.Warnings;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hands the messages the engine decided for one customer to delivery, then stores the customer's
 * journeys in one conditional write. Handing over first is safe because a message's key is a pure
 * function of the run and the step: if the write is lost (a crash, a concurrent writer), the caller
 * decides again from the stored state, names the same messages, and delivery's ledger sends each
 * once. Messages the queue did not take stay in the item with the timer armed at a short lease, so
 * the timer hands them over again. One write per step, not one to store and one to forget.
 */
final class JourneyCommit {

    /** How long decided messages may wait for a hand-over before the timer retries it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JourneyStore store;
    private final MessageRequests requests;
    private final Warnings warnings;

    JourneyCommit(JourneyStore store, MessageRequests requests, Warnings warnings) {
        this.store = Objects.requireNonNull(store, "store");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** @return false when someone else wrote the customer's journeys first: read again and retry */
    boolean commit(StoredJourneys previous, CustomerJourneys decided, Instant now) {
        CustomerJourneys next = withoutExpired(decided, now);
        if (!next.unpublished().isEmpty()) next = JourneyEngine.withPublished(next, handOver(next.unpublished()));
        return store.save(previous, next, dueAt(next, now));
    }

    /** The keys delivery accepted; none when the hand-over failed (the lease retries them). */
    private Set<MessageKey> handOver(List<DeliveryRequest> pending) {
        try {
            return requests.publish(pending);
        } catch (RuntimeException e) {
            warnings.warn("handing journey messages to delivery failed; the timer retries", e);
            return Set.of();
        }
    }

    /**
     * Messages past their expiry would be dropped by delivery anyway; one the queue keeps refusing
     * must not be handed over every lease forever.
     */
    private CustomerJourneys withoutExpired(CustomerJourneys journeys, Instant now) {
        List<DeliveryRequest> live = journeys.unpublished().stream()
                .filter(request -> request.expiresAt().isAfter(now)).toList();
        if (live.size() == journeys.unpublished().size()) return journeys;
        warnings.warn((journeys.unpublished().size() - live.size())
                + " journey messages expired before delivery took them; they are dropped");
        return new CustomerJourneys(journeys.customerId(), journeys.runs(), journeys.history(), journeys.annual(),
                journeys.seenEvents(), live);
    }

    /** The journeys' next deadline, or sooner, the lease of messages not yet handed over. */
    static Optional<Instant> dueAt(CustomerJourneys journeys, Instant now) {
        Stream<Instant> lease = journeys.unpublished().isEmpty() ? Stream.empty() : Stream.of(now.plus(LEASE));
        return Stream.concat(journeys.nextDue().stream(), lease).min(Comparator.naturalOrder());
    }
}
