package dev.winback.core.cdp;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.FieldError;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the messages of one CDP request: links anonymous ids that an {@code identify} names, folds
 * each newly linked anonymous record into its customer ({@link AnonymousFold}), sends the events of
 * anonymous ids already linked to their customer, refuses events dated too far ahead, and hands
 * the rest to the {@link EventQueue}. Nothing is dropped without an answer: each message is
 * accepted, refused with reasons, or to be sent again.
 */
public final class IngestCdpMessages {

    private final CustomerLinks links;
    private final EngagementStore records;
    private final EventQueue queue;
    private final ArrivalWindow arrival;
    private final Warnings warnings;
    private final Clock clock;

    public IngestCdpMessages(CustomerLinks links, EngagementStore records, EventQueue queue, ArrivalWindow arrival,
                             Warnings warnings, Clock clock) {
        this.links = links;
        this.records = records;
        this.queue = queue;
        this.arrival = arrival;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** @return one outcome per message, in order */
    public List<CdpOutcome> take(List<CdpMessage> messages) {
        Instant now = clock.instant();
        CdpOutcome[] outcomes = new CdpOutcome[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            List<FieldError> late = lateFields(messages.get(i).events(), now);
            if (!late.isEmpty()) outcomes[i] = new CdpOutcome.Refused(late);
        }
        // Folds go first, with the links, so that events of the same request reach the linked customer.
        List<EngagementEvent> folded = new ArrayList<>();
        List<String> foldedIds = new ArrayList<>();
        try {
            for (int i = 0; i < messages.size(); i++) {
                if (outcomes[i] == null && messages.get(i) instanceof CdpMessage.Link link) {
                    CustomerLinks.Link held = links.link(link.anonymousCustomerId(), link.customerId());
                    if (!held.customerId().equals(link.customerId())) {
                        warnings.note("an identify named an anonymous id already linked to another customer; the first link holds");
                    } else if (!held.folded()) {
                        folded.addAll(fold(link.anonymousCustomerId(), link.customerId()));
                        foldedIds.add(link.anonymousCustomerId());
                    }
                }
            }
        } catch (RuntimeException e) {
            warnings.warn("linking anonymous ids failed; the request will be retried", e);
            return retryAll(outcomes);
        }
        Map<String, CustomerLinks.Link> linked;
        try {
            linked = links.linksOf(anonymousCustomers(messages, outcomes));
        } catch (RuntimeException e) {
            warnings.warn("reading links of anonymous ids failed; the request will be retried", e);
            return retryAll(outcomes);
        }
        List<EngagementEvent> events = new ArrayList<>(folded);
        List<Integer> owners = new ArrayList<>();
        for (int k = 0; k < folded.size(); k++) owners.add(-1);
        for (int i = 0; i < messages.size(); i++) {
            if (outcomes[i] != null) continue;
            for (EngagementEvent event : messages.get(i).events()) {
                CustomerLinks.Link link = linked.get(event.customerId());
                events.add(link == null ? event : new EngagementEvent(event.eventId(), link.customerId(),
                        event.occurredAt(), event.platform(), event.payload(), event.receivedAt()));
                owners.add(i);
            }
        }
        List<Boolean> taken = events.isEmpty() ? List.of() : queue.submit(events);
        boolean foldTaken = true;
        int[] counts = new int[messages.size()];
        boolean[] failed = new boolean[messages.size()];
        for (int k = 0; k < events.size(); k++) {
            int owner = owners.get(k);
            if (owner < 0) {
                foldTaken &= taken.get(k);
            } else if (taken.get(k)) {
                counts[owner]++;
            } else {
                failed[owner] = true;
            }
        }
        if (foldTaken) {
            try {
                foldedIds.forEach(links::markFolded);
            } catch (RuntimeException e) {
                // The fold is sent again on the next identify: its events are duplicates by then.
                warnings.warn("could not note a fold as done; it will be repeated", e);
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            if (outcomes[i] != null) continue;
            boolean foldPending = !foldTaken && messages.get(i) instanceof CdpMessage.Link;
            outcomes[i] = failed[i] || foldPending ? new CdpOutcome.Retry() : new CdpOutcome.Accepted(counts[i]);
        }
        return List.of(outcomes);
    }

    private List<EngagementEvent> fold(String anonymousCustomerId, String customerId) {
        Optional<StoredRecord> anonymous = records.read(anonymousCustomerId);
        return anonymous.map(stored -> AnonymousFold.into(customerId, stored.record())).orElse(List.of());
    }

    private List<FieldError> lateFields(List<EngagementEvent> events, Instant now) {
        List<FieldError> late = new ArrayList<>();
        for (EngagementEvent event : events) {
            if (!arrival.accepts(event.occurredAt(), now)) {
                late.add(new FieldError("occurredAt", arrival.refusal()));
                break;
            }
        }
        return late;
    }

    private static Set<String> anonymousCustomers(List<CdpMessage> messages, CdpOutcome[] outcomes) {
        Set<String> anonymous = new LinkedHashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            if (outcomes[i] != null) continue;
            for (EngagementEvent event : messages.get(i).events()) {
                if (AnonymousIds.isAnonymous(event.customerId())) anonymous.add(event.customerId());
            }
        }
        return anonymous;
    }

    private static List<CdpOutcome> retryAll(CdpOutcome[] outcomes) {
        List<CdpOutcome> all = new ArrayList<>();
        for (CdpOutcome outcome : outcomes) all.add(outcome != null ? outcome : new CdpOutcome.Retry());
        return all;
    }
}
