package dev.winback.core.playbook;

import dev.winback.core.record.SignalType;

import java.util.List;
import java.util.Objects;

/**
 * What to do about one signal under some conditions. A playbook tries a signal's rules in order
 * and applies the first that matches, so the specific rules come first and the fallback last.
 *
 * @param note why the rule exists, for the people who maintain the playbook
 */
public record PlaybookRule(SignalType signal, RuleConditions when, List<PlannedAction> actions, String note) {

    public PlaybookRule {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(note, "note");
        actions = List.copyOf(actions);
    }
}
