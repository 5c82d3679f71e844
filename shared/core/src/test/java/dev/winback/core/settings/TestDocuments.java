package dev.winback.core.settings;

import dev.winback.core.delivery.FrequencyCap;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookRule;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.playbook.RuleConditions;
import dev.winback.core.record.SignalType;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Documents written as one word and a number: {@code playbook:3} is a playbook of revision 3,
 * {@code cap:2} the default settings with a global cap of 2 a day; anything else is refused with
 * one problem per word.
 */
final class TestDocuments {

    static final DocumentFormat<Playbook> PLAYBOOKS = text -> text.startsWith("playbook:")
            ? new Checked.Valid<>(playbook(Integer.parseInt(text.substring("playbook:".length()))))
            : refused(text);

    static final DocumentFormat<Settings> SETTINGS = text -> text.startsWith("cap:")
            ? new Checked.Valid<>(dailyCap(Integer.parseInt(text.substring("cap:".length()))))
            : refused(text);

    private TestDocuments() {
    }

    static Playbook playbook(int revision) {
        List<PlaybookRule> rules = Arrays.stream(SignalType.values())
                .map(type -> new PlaybookRule(type, RuleConditions.ALWAYS, List.of(new PlannedAction(RetentionAction.NONE,
                        "nothing-" + revision, List.of(), Purpose.MARKETING)), "nothing on purpose"))
                .toList();
        return new Playbook(new PlaybookVersion(2026, 11, revision), rules);
    }

    static Settings dailyCap(int max) {
        Settings d = Settings.defaults();
        return new Settings(List.of(new FrequencyCap(max, Duration.ofDays(1))), d.reducedCaps(), d.channelCaps(),
                d.quietHours(), d.quietChannels(), d.defaultZone(), d.expiry(), d.receiptWait(), d.sunsets(),
                d.lifecycle());
    }

    private static <T> Checked<T> refused(String text) {
        return new Checked.Invalid<>(Arrays.stream(text.split(" "))
                .map(word -> new JourneyProblem(word, "is not a document")).toList());
    }
}
