package dev.winback.core.journey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products journeys know about: lifetimes for reminders, complements for cross-sell. */
public record ProductCatalog(int version, Map<String, Product> products) {

    public static final ProductCatalog EMPTY = new ProductCatalog(0, Map.of());

    public ProductCatalog {
        products = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(products));
    }

    public static ProductCatalog of(int version, List<Product> products) {
        Map<String, Product> byId = new LinkedHashMap<>();
        for (Product product : products) {
            if (byId.putIfAbsent(product.id(), product) != null) {
                throw new IllegalArgumentException("the catalog lists product " + product.id() + " twice");
            }
        }
        return new ProductCatalog(version, byId);
    }

    /** The product a line item is: by sku, else the first product of its category. */
    public Optional<Product> forItem(String sku, String category) {
        if (sku != null && products.containsKey(sku)) return Optional.of(products.get(sku));
        if (category == null) return Optional.empty();
        return products.values().stream().filter(p -> p.category().equals(category)).findFirst();
    }
}
