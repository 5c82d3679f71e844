package dev.winback.adapters.json;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.settings.DocumentFormat;

/** The playbook as operators store it: the JSON of {@code winback/playbook.json}, every problem listed. */
public final class JsonPlaybookFormat implements DocumentFormat<Playbook> {

    private final PlaybookParser parser = new PlaybookParser();

    @Override
    public Checked<Playbook> read(String text) {
        return switch (parser.read(text, "request")) {
            case PlaybookReading.Valid valid -> new Checked.Valid<>(valid.playbook());
            case PlaybookReading.Invalid invalid -> new Checked.Invalid<>(invalid.problems().stream()
                    .map(p -> new JourneyProblem(p.where(), p.problem())).toList());
        };
    }
}
