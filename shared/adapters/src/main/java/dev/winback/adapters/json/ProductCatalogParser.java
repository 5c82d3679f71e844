package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.Product;
import dev.winback.core.journey.ProductCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the product catalog from JSON, listing every problem with its path:
 * <pre>
 * {"version":1,"products":[{"id":"toothbrush-heads","category":"oral-care","lifetime":"P90D",
 *   "complements":["toothpaste"],"priceBand":"low"}, …]}
 * </pre>
 * {@code lifetime} and {@code complements} are optional (a product that is not replaced, one with
 * nothing to go with it). The schema is {@code winback/schemas/product-catalog.schema.json}; a
 * spreadsheet is imported with {@link ProductCatalogCsv}.
 */
public final class ProductCatalogParser {

    static final Set<String> ROOT_FIELDS = Set.of("version", "products");
    static final Set<String> PRODUCT_FIELDS = Set.of("id", "category", "lifetime", "complements", "priceBand");

    public CatalogReading read(String text, String source) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.Malformed malformed ->
                    new CatalogReading.Invalid(source, List.of(new JourneyProblem("$", malformed.problem())));
            case ContractJson.JsonReading.WellFormed wellFormed -> read(wellFormed.node(), source);
        };
    }

    public CatalogReading read(JsonNode root, String source) {
        DefinitionFields fields = new DefinitionFields();
        if (fields.object(root, "$").isEmpty()) return new CatalogReading.Invalid(source, fields.problems());
        fields.unknownFields(root, "", ROOT_FIELDS, "a catalog has version and products");
        Optional<Integer> version = fields.required(root, "", "version")
                .flatMap(node -> fields.wholeNumber(node, "version", 1, Integer.MAX_VALUE));
        List<Product> products = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        fields.required(root, "", "products").flatMap(node -> fields.array(node, "products")).ifPresent(array -> {
            for (int i = 0; i < array.size(); i++) {
                product(array.get(i), "products[" + i + "]", ids, fields).ifPresent(products::add);
            }
        });
        if (fields.count() > 0) return new CatalogReading.Invalid(source, fields.problems());
        return new CatalogReading.Valid(ProductCatalog.of(version.orElseThrow(), products));
    }

    private static Optional<Product> product(JsonNode node, String where, Set<String> ids, DefinitionFields fields) {
        if (fields.object(node, where).isEmpty()) return Optional.empty();
        int before = fields.count();
        fields.unknownFields(node, where, PRODUCT_FIELDS, "a product has id, category, lifetime, complements and priceBand");
        Optional<String> id = productName(node, where, "id", fields);
        id.filter(i -> !ids.add(i)).ifPresent(i -> fields.problem(where + ".id", "another product already has the id " + i));
        Optional<String> category = productName(node, where, "category", fields);
        JsonNode lifetimeNode = node.get("lifetime");
        Optional<Duration> lifetime = lifetimeNode == null ? Optional.empty()
                : fields.positiveDuration(lifetimeNode, where + ".lifetime");
        List<String> complements = new ArrayList<>();
        JsonNode complementsNode = node.get("complements");
        if (complementsNode != null) {
            fields.list(complementsNode, where + ".complements", (element, at) -> productName(element, at, fields))
                    .ifPresent(complements::addAll);
        }
        Optional<String> band = fields.required(node, where, "priceBand").flatMap(b -> fields.choice(b, where + ".priceBand",
                text -> PriceBand.NAMES.contains(text) ? Optional.of(text) : Optional.empty(), "price band",
                String.join(", ", PriceBand.NAMES)));
        if (fields.count() > before) return Optional.empty();
        return Optional.of(new Product(id.orElseThrow(), category.orElseThrow(), lifetime, complements, band.orElseThrow()));
    }

    private static Optional<String> productName(JsonNode parent, String path, String field, DefinitionFields fields) {
        return fields.required(parent, path, field).flatMap(node -> productName(node, DefinitionFields.at(path, field), fields));
    }

    private static Optional<String> productName(JsonNode node, String where, DefinitionFields fields) {
        Optional<String> name = fields.text(node, where);
        if (name.isPresent() && !JourneyJsonRules.isProductName(name.get())) {
            fields.problem(where, JourneyJsonRules.PRODUCT_NAME_REQUIREMENT);
            return Optional.empty();
        }
        return name;
    }

    /** The catalog in the form this reads, for the admin API and after a CSV import. */
    public String write(ProductCatalog catalog) {
        ObjectNode root = ContractJson.nodes().objectNode();
        root.put("version", catalog.version());
        ArrayNode products = root.putArray("products");
        for (Product product : catalog.products().values()) {
            ObjectNode node = products.addObject();
            node.put("id", product.id());
            node.put("category", product.category());
            product.lifetime().ifPresent(lifetime -> node.put("lifetime", JourneyJsonRules.duration(lifetime)));
            if (!product.complements().isEmpty()) {
                ArrayNode complements = node.putArray("complements");
                product.complements().forEach(complements::add);
            }
            node.put("priceBand", product.priceBand());
        }
        return ContractJson.write(root);
    }
}
