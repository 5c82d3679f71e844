package dev.winback.functions.api;

import dev.winback.core.ingest.EventIntake;
import dev.winback.core.ingest.IntakeResult;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.preferences.ChoiceError;
import dev.winback.core.preferences.ChoiceOrigin;
import dev.winback.core.preferences.PreferenceChanges;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.preferences.PreferenceView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The preference centre's two actions, shared by the page, its JSON and the admin routes: show a
 * customer's choices, and save new ones as ordinary engagement events through ingestion (so the
 * record stays order-independent and duplicates are recognised). Customers without a record are
 * not found: an old link must not bring back a customer who was erased.
 */
final class PreferenceCentre {

    private static final Logger LOG = Logger.getLogger(PreferenceCentre.class.getName());

    /** What became of a submission. */
    sealed interface Outcome {
        /** Applied (or nothing to apply); {@code view} is the record as read afterwards. */
        record Saved(PreferenceView view, int changes) implements Outcome { }

        /** Nothing applied; {@code view} is the record unchanged. */
        record Refused(PreferenceView view, List<ChoiceError> errors) implements Outcome { }

        record NotFound() implements Outcome { }

        /** Storage was busy; nothing or part was applied, and submitting again completes it. */
        record TryAgain() implements Outcome { }
    }

    private final Function<String, StoredRecord> records;
    private final EventIntake intake;
    private final DeliveryPolicy policy;
    private final Clock clock;

    /** @param records the stored record of a customer, or null when there is none */
    PreferenceCentre(Function<String, StoredRecord> records, EventIntake intake, DeliveryPolicy policy, Clock clock) {
        this.records = records;
        this.intake = intake;
        this.policy = policy;
        this.clock = clock;
    }

    Optional<PreferenceView> view(String customerId) {
        StoredRecord stored = records.apply(customerId);
        return stored == null ? Optional.empty()
                : Optional.of(PreferenceView.of(stored.record(), policy, clock.instant()));
    }

    Outcome save(String customerId, Submission submission, ChoiceOrigin origin) {
        StoredRecord stored = records.apply(customerId);
        if (stored == null) return new Outcome.NotFound();
        Instant now = clock.instant();
        return switch (PreferenceChanges.plan(stored.record(), submission, origin, policy, now)) {
            case PreferenceChanges.Plan.Refused refused -> new Outcome.Refused(
                    PreferenceView.of(stored.record(), policy, now), refused.errors());
            case PreferenceChanges.Plan.Changes changes -> apply(customerId, changes.events(), origin);
        };
    }

    private Outcome apply(String customerId, List<EngagementEvent> events, ChoiceOrigin origin) {
        List<IntakeResult> results = intake.apply(events);
        if (results.stream().anyMatch(r -> r instanceof IntakeResult.Retry)) return new Outcome.TryAgain();
        LOG.info(() -> "preferences saved from " + origin.source() + ": " + events.size() + " event(s), "
                + events.stream().map(e -> e.payload().type()).distinct().toList());
        return view(customerId).<Outcome>map(view -> new Outcome.Saved(view, events.size()))
                .orElseGet(Outcome.NotFound::new);
    }
}
