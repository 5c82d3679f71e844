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
 * Stores what the engine concluded for one customer, then hands the decided messages to delivery.
 * The messages are stored first, with the timer armed at a short lease: if handing them over fails
 * or the process dies, the timer fires and they are handed over again (delivery's ledger sends each
 * once). Once delivery has them, a second write forgets them and arms the journeys' own deadline.
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
        Optional<Instant> dueAt = dueAt(next, now);
        if (!store.save(previous, next, dueAt)) return false;
        List<DeliveryRequest> pending = next.unpublished();
        if (pending.isEmpty()) return true;
        Set<MessageKey> accepted;
        try {
            accepted = requests.publish(pending);
        } catch (RuntimeException e) {
            warnings.warn("handing journey messages to delivery failed; the timer retries", e);
            return true;
        }
        if (accepted.isEmpty()) return true;
        CustomerJourneys handedOver = JourneyEngine.withPublished(next, accepted);
        try {
            store.save(new StoredJourneys(next, previous.version() + 1, dueAt), handedOver, dueAt(handedOver, now));
        } catch (RuntimeException e) {
            warnings.warn("forgetting handed-over journey messages failed; the timer hands them over again", e);
        }
        return true;
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
