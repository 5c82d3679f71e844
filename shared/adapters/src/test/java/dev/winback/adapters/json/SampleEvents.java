package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.json.ContractJson.JsonReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The valid samples {@code events/engagement-<type>.json}, one per type, and other fixtures. */
final class SampleEvents {

    private SampleEvents() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(RepositoryRoot.events())) {
            return files.filter(f -> f.getFileName().toString().matches("engagement-[a-z_]+\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String typeOf(Path sample) {
        String name = sample.getFileName().toString();
        return name.substring("engagement-".length(), name.length() - ".json".length());
    }

    static ObjectNode sample(String type) {
        return (ObjectNode) fixture("engagement-" + type + ".json");
    }

    static List<ObjectNode> all() {
        return files().stream().map(f -> (ObjectNode) readJson(RepositoryRoot.read(f))).toList();
    }

    static JsonNode fixture(String fileName) {
        return readJson(RepositoryRoot.read(RepositoryRoot.events().resolve(fileName)));
    }

    static JsonNode readJson(String text) {
        return switch (ContractJson.read(text)) {
            case JsonReading.WellFormed wellFormed -> wellFormed.node();
            case JsonReading.Malformed malformed -> throw new IllegalArgumentException(malformed.problem());
        };
    }
}
