package dev.winback.functions.api;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.preferences.SavePreferences;
import dev.winback.core.preferences.ShowPreferences;

import java.time.Clock;

/** The preference centre's two actions, which the signed links and the operators' {@code /v1} routes share. */
record PreferenceUseCases(ShowPreferences show, SavePreferences save) {

    static PreferenceUseCases of(EngagementTable table, Ingestion ingestion, DeliveryPolicy policy, Clock clock) {
        return new PreferenceUseCases(new ShowPreferences(table.store(), policy, clock),
                new SavePreferences(table.store(), IntakeApplier.of(ingestion.intake()), policy, clock));
    }
}
