package dev.winback.functions.api;

import dev.winback.core.preferences.ChoiceOrigin;
import dev.winback.core.preferences.SavePreferences;

import java.util.logging.Logger;

/** The operator's log line for saved choices: where they came from and what kinds of event, never whose. */
final class SavedPreferences {

    private SavedPreferences() {
    }

    static void log(Logger log, ChoiceOrigin origin, SavePreferences.Outcome.Saved saved) {
        log.info(() -> "preferences saved from " + origin.source() + ": " + saved.changes() + " event(s), "
                + saved.eventTypes());
    }
}
