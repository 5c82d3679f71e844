package dev.winback.core.journey;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product line in the catalog. A line item matches it by sku, or by category when no product
 * carries its sku.
 *
 * @param id          the product line (a sku, or a line such as {@code toothbrush-heads})
 * @param lifetime    how long one lasts before it wants replacing or upgrading; empty when it does not
 * @param complements categories that go with it, best first, for cross-sell offers
 * @param priceBand   a coarse price band ({@code low}, {@code mid}, {@code high}) usable in conditions
 */
public record Product(String id, String category, Optional<Duration> lifetime, List<String> complements,
                      String priceBand) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(priceBand, "priceBand");
        complements = List.copyOf(complements);
    }
}
