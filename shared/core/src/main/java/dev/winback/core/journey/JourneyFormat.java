package dev.winback.core.journey;

/**
 * How definitions and catalogs are written down (JSON, with a published schema): read with every
 * problem listed, and written back in a canonical form.
 */
public interface JourneyFormat {

    Checked<JourneyDefinition> definition(String text);

    Checked<ProductCatalog> catalog(String text);

    String write(JourneyDefinition definition);
}
