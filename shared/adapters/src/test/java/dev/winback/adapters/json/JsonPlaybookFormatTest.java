package dev.winback.adapters.json;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.playbook.Playbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPlaybookFormatTest {

    private static final String SHIPPED = TestResources.text(PlaybookLoader.SHIPPED);
    private final JsonPlaybookFormat format = new JsonPlaybookFormat();

    @Test
    void theShippedPlaybook_readsAsTheLoaderReadsIt() {
        assertThat(format.read(SHIPPED)).isEqualTo(new Checked.Valid<>(new PlaybookLoader().shipped()));
    }

    @Test
    void aBrokenPlaybook_isRefusedWithEveryProblem() {
        String broken = SHIPPED.replace("\"version\": \"2026-11-1\"", "\"version\": \"November\"")
                .replace("\"campaign\": \"lapse-timely-sale\"", "\"campaign\": \"Lapse Timely Sale\"");

        Checked<Playbook> read = format.read(broken);

        assertThat(read).isInstanceOf(Checked.Invalid.class);
        assertThat(((Checked.Invalid<Playbook>) read).problems()).extracting(JourneyProblem::where)
                .containsExactlyInAnyOrder("version", "rules[2].actions[0].campaign");
    }
}
