package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventApplier;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Saves a customer's new choices, from their page, its JSON or an operator, as ordinary engagement
 * events through ingestion (so the record stays order-independent and duplicates are recognised).
 * A submission with any error changes nothing. Customers without a record are not found: an old
 * link must not bring back a customer who was erased.
 */
public final class SavePreferences {

    /** What became of a submission. */
    public sealed interface Outcome {
        /**
         * Applied (or nothing to apply); {@code view} is the record as read afterwards.
         *
         * @param eventTypes the kinds of the events applied, for the operator's log
         */
        record Saved(PreferenceView view, int changes, List<String> eventTypes) implements Outcome {
            public Saved {
                eventTypes = List.copyOf(eventTypes);
            }
        }

        /** Nothing applied; {@code view} is the record unchanged. */
        record Refused(PreferenceView view, List<ChoiceError> errors) implements Outcome {
            public Refused {
                errors = List.copyOf(errors);
            }
        }

        record NotFound() implements Outcome { }

        /** Storage was busy; nothing or part was applied, and submitting again completes it. */
        record TryAgain() implements Outcome { }
    }

    private final EngagementStore store;
    private final EventApplier events;
    private final DeliveryPolicy policy;
    private final Clock clock;

    public SavePreferences(EngagementStore store, EventApplier events, DeliveryPolicy policy, Clock clock) {
        this.store = store;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    public Outcome save(String customerId, Submission submission, ChoiceOrigin origin) {
        Optional<StoredRecord> stored = store.read(customerId);
        if (stored.isEmpty()) return new Outcome.NotFound();
        Instant now = clock.instant();
        return switch (PreferenceChanges.plan(stored.get().record(), submission, origin, policy, now)) {
            case PreferenceChanges.Plan.Refused refused -> new Outcome.Refused(
                    PreferenceView.of(stored.get().record(), policy, now), refused.errors());
            case PreferenceChanges.Plan.Changes changes -> apply(customerId, changes.events());
        };
    }

    private Outcome apply(String customerId, List<EngagementEvent> changes) {
        if (events.applyAll(changes) == EventApplier.Applied.TRY_AGAIN) return new Outcome.TryAgain();
        List<String> types = changes.stream().map(e -> e.payload().type()).distinct().toList();
        return store.read(customerId)
                .<Outcome>map(after -> new Outcome.Saved(PreferenceView.of(after.record(), policy, clock.instant()),
                        changes.size(), types))
                .orElseGet(Outcome.NotFound::new);
    }
}
