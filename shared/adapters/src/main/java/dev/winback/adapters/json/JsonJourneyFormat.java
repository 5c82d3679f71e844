package dev.winback.adapters.json;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyFormat;
import dev.winback.core.journey.ProductCatalog;

/** Journeys and catalogs as JSON, by the published schemas, for the core's use cases. */
public final class JsonJourneyFormat implements JourneyFormat {

    private final JourneyDefinitionParser definitions = new JourneyDefinitionParser();
    private final ProductCatalogParser catalogs = new ProductCatalogParser();
    private final JourneyDefinitionWriter writer = new JourneyDefinitionWriter();

    @Override
    public Checked<JourneyDefinition> definition(String text) {
        return switch (definitions.read(text, "request")) {
            case JourneyReading.Valid valid -> new Checked.Valid<>(valid.definition());
            case JourneyReading.Invalid invalid -> new Checked.Invalid<>(invalid.problems());
        };
    }

    @Override
    public Checked<ProductCatalog> catalog(String text) {
        return switch (catalogs.read(text, "request")) {
            case CatalogReading.Valid valid -> new Checked.Valid<>(valid.catalog());
            case CatalogReading.Invalid invalid -> new Checked.Invalid<>(invalid.problems());
        };
    }

    @Override
    public String write(JourneyDefinition definition) {
        return writer.write(definition);
    }
}
