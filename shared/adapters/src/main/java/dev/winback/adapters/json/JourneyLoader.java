package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.journey.ActiveJourneys;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.ProductCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the journeys and the product catalog shipped in the artifact. The index
 * ({@code winback/journeys/index.json}) lists every shipped definition and whether it runs out of
 * the box: {@code {"version":1,"journeys":[{"file":"birthday.json","active":true}, …]}}. Examples an
 * operator enables on purpose are listed with {@code "active":false}. Anything invalid stops the
 * loading with every problem listed; a test loads them all, so a broken one fails the build.
 */
public final class JourneyLoader {

    public static final String SHIPPED_DIRECTORY = "winback/journeys";
    public static final String SHIPPED_INDEX = SHIPPED_DIRECTORY + "/index.json";
    public static final String SHIPPED_CATALOG = "winback/catalog.json";

    /** One line of the index. */
    public record IndexEntry(String file, boolean active) {
        public IndexEntry {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A shipped definition and whether it runs out of the box. */
    public record ShippedJourney(JourneyDefinition definition, boolean active) {
        public ShippedJourney {
            Objects.requireNonNull(definition, "definition");
        }
    }

    private final JourneyDefinitionParser parser = new JourneyDefinitionParser();

    public List<IndexEntry> shippedIndex() {
        JsonNode root = switch (ContractJson.read(resource(SHIPPED_INDEX))) {
            case ContractJson.JsonReading.WellFormed wellFormed -> wellFormed.node();
            case ContractJson.JsonReading.Malformed malformed ->
                    throw new IllegalStateException("classpath:" + SHIPPED_INDEX + " " + malformed.problem());
        };
        List<IndexEntry> entries = new ArrayList<>();
        for (JsonNode entry : root.path("journeys")) {
            JsonNode file = entry.get("file");
            JsonNode active = entry.get("active");
            if (file == null || !file.isTextual() || active == null || !active.isBoolean() || entry.size() != 2
                    || file.textValue().contains("/")) {
                throw new IllegalStateException("classpath:" + SHIPPED_INDEX
                        + ": every entry is {\"file\":\"<name>.json\",\"active\":true|false}");
            }
            entries.add(new IndexEntry(file.textValue(), active.booleanValue()));
        }
        return List.copyOf(entries);
    }

    /** Every journey of the index, active or not; fails listing the problems of every invalid one. */
    public List<ShippedJourney> shipped() {
        List<ShippedJourney> journeys = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (IndexEntry entry : shippedIndex()) {
            String resource = SHIPPED_DIRECTORY + "/" + entry.file();
            switch (parser.read(resource(resource), "classpath:" + resource)) {
                case JourneyReading.Valid valid -> journeys.add(new ShippedJourney(valid.definition(), entry.active()));
                case JourneyReading.Invalid reading -> invalid.add(reading.message());
            }
        }
        if (!invalid.isEmpty()) throw new IllegalStateException(String.join("\n", invalid));
        return List.copyOf(journeys);
    }

    public ProductCatalog shippedCatalog() {
        return switch (new ProductCatalogParser().read(resource(SHIPPED_CATALOG), "classpath:" + SHIPPED_CATALOG)) {
            case CatalogReading.Valid valid -> valid.catalog();
            case CatalogReading.Invalid invalid -> throw new IllegalStateException(invalid.message());
        };
    }

    /** The journeys the index marks active, with the shipped catalog. */
    public ActiveJourneys shippedActive() {
        return ActiveJourneys.of(shipped().stream().filter(ShippedJourney::active).map(ShippedJourney::definition).toList(),
                shippedCatalog());
    }

    static String resource(String name) {
        try (InputStream in = JourneyLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("nothing on the classpath at " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read classpath:" + name, e);
        }
    }
}
