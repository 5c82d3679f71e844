package dev.winback.adapters.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookLoaderTest {

    private final PlaybookLoader loader = new PlaybookLoader();

    @Test
    void fromPath_readsAnOperatorsOwnPlaybook(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("playbook.json"), TestResources.text("playbook/minimal.json"));

        assertThat(loader.fromPath(file).version().toString()).isEqualTo("2026-11-1");
    }

    @Test
    void fromPath_whenInvalid_namesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.json"), "{\"version\": \"2026-11-1\", \"rules\": []}");

        assertThatThrownBy(() -> loader.fromPath(file)).isInstanceOf(InvalidPlaybookException.class)
                .hasMessageStartingWith("playbook " + file + " is invalid (9 problems):")
                .satisfies(e -> assertThat(((InvalidPlaybookException) e).problems()).hasSize(9));
    }

    @Test
    void fromClasspath_whenAbsent_saysWhereItLooked() {
        assertThatThrownBy(() -> loader.fromClasspath("winback/nope.json"))
                .hasMessage("no playbook on the classpath at winback/nope.json");
    }

    @Test
    void fromClasspath_readsTheTestPlaybook() {
        assertThat(loader.fromClasspath("playbook/minimal.json").rules()).hasSize(9);
    }
}
