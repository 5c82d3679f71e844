package dev.winback.core.lifecycle;

import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a timer must notice: the state with its start, and each signal by type, subject, strength and
 * start. Explanations and the score change continuously ("quiet for 41 days") and are left out.
 */
record Observation(Standing standing, List<SignalMark> signals) {

    record SignalMark(SignalType type, String subject, Strength strength, Instant since) {
        static SignalMark of(Signal signal) {
            return new SignalMark(signal.type(), signal.subject(), signal.strength(), signal.since());
        }

        String describe() {
            return type.wireName() + (subject.isEmpty() ? "" : " " + subject) + " (" + strength.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    Observation {
        signals = List.copyOf(signals);
    }

    static Observation of(Standing standing, List<Signal> signals) {
        return new Observation(standing, marks(signals));
    }

    static List<SignalMark> marks(List<Signal> signals) {
        return signals.stream().map(SignalMark::of).toList();
    }

    /** What differs in {@code next}, e.g. "COOLING -> AT_RISK; lapsed (strong) starts". */
    String changesTo(Observation next) {
        List<String> changes = new ArrayList<>();
        if (standing.state() != next.standing.state()) {
            changes.add(standing.state() + " -> " + next.standing.state());
        } else if (!standing.since().equals(next.standing.since())) {
            changes.add(standing.state() + " now dated from " + next.standing.since());
        }
        for (SignalMark mark : next.signals) {
            if (!signals.contains(mark)) changes.add(mark.describe() + " starts");
        }
        for (SignalMark mark : signals) {
            if (!next.signals.contains(mark)) changes.add(mark.describe() + " ends");
        }
        return String.join("; ", changes);
    }
}
