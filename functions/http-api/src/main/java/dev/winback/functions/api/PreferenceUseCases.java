package dev.winback.functions.api;

import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.ingest.IntakeResult;
import dev.winback.core.ingest.EventApplier;
import dev.winback.core.preferences.SavePreferences;
import dev.winback.core.preferences.ShowPreferences;

import java.time.Clock;

/** The preference centre's two actions, which the signed links and the operators' {@code /v1} routes share. */
record PreferenceUseCases(ShowPreferences show, SavePreferences save) {

    static PreferenceUseCases of(EngagementServices services, Clock clock) {
        return new PreferenceUseCases(new ShowPreferences(services.store(), services.deliveryPolicy(), clock),
                new SavePreferences(services.store(), events(services), services.deliveryPolicy(), clock));
    }

    /** Ingestion as the use cases see it: a batch is taken, or must be sent again. */
    static EventApplier events(EngagementServices services) {
        return events -> services.intake().apply(events).stream().anyMatch(r -> r instanceof IntakeResult.Retry)
                ? EventApplier.Applied.TRY_AGAIN : EventApplier.Applied.ALL;
    }
}
