package dev.winback.functions.api;

import dev.winback.adapters.EngagementServices;
import dev.winback.core.preferences.SavePreferences;
import dev.winback.core.preferences.ShowPreferences;

import java.time.Clock;

/** The preference centre's two actions, which the signed links and the operators' {@code /v1} routes share. */
record PreferenceUseCases(ShowPreferences show, SavePreferences save) {

    static PreferenceUseCases of(EngagementServices services, Clock clock) {
        return new PreferenceUseCases(new ShowPreferences(services.store(), services.deliveryPolicy(), clock),
                new SavePreferences(services.store(), IntakeApplier.of(services.intake()), services.deliveryPolicy(),
                        clock));
    }
}
