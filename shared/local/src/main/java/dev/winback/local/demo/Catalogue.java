package dev.winback.local.demo;

import dev.winback.core.event.LineItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small running-gear shop: what synthetic customers buy, priced in each customer's currency. */
final class Catalogue {

    record Product(String sku, String category, int usdPrice) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("RUN-SHOE-ROAD", "footwear", 129),
            new Product("RUN-SHOE-TRAIL", "footwear", 149),
            new Product("RUN-SHOE-RACE", "footwear", 189),
            new Product("TEE-TECH", "apparel", 32),
            new Product("SHORTS-5IN", "apparel", 42),
            new Product("JACKET-WIND", "apparel", 95),
            new Product("TIGHTS-THERMAL", "apparel", 65),
            new Product("SOCKS-3PACK", "accessories", 18),
            new Product("CAP-MESH", "accessories", 26),
            new Product("BOTTLE-750", "accessories", 16),
            new Product("BELT-HYDRATION", "accessories", 38),
            new Product("GEL-12PACK", "nutrition", 28),
            new Product("BAR-BOX", "nutrition", 22),
            new Product("ELECTROLYTE-TUB", "nutrition", 25),
            new Product("WATCH-GPS", "electronics", 279),
            new Product("EARBUDS-SPORT", "electronics", 119),
            new Product("STRAP-HEART-RATE", "electronics", 74));

    static final List<String> CATEGORIES = PRODUCTS.stream().map(Product::category).distinct().toList();

    /** Rough exchange rates; local prices end in .99 like a shop's would. */
    private static final Map<String, BigDecimal> USD_RATE = Map.of(
            "USD", BigDecimal.ONE,
            "EUR", new BigDecimal("0.92"),
            "GBP", new BigDecimal("0.79"),
            "CAD", new BigDecimal("1.37"));

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Catalogue() {
    }

    static BigDecimal price(Product product, String currency) {
        BigDecimal rate = USD_RATE.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no price list for currency " + currency);
        }
        return BigDecimal.valueOf(product.usdPrice()).multiply(rate).setScale(0, RoundingMode.HALF_UP)
                .subtract(CENT);
    }

    /** One to four distinct products, mostly from the customer's favourite category. */
    static List<LineItem> basket(Rng rng, String favouriteCategory, String currency) {
        double roll = rng.nextDouble();
        int size = roll < 0.55 ? 1 : roll < 0.82 ? 2 : roll < 0.94 ? 3 : 4;
        List<LineItem> items = new ArrayList<>(size);
        List<String> chosen = new ArrayList<>(size);
        for (int attempt = 0; items.size() < size && attempt < size * 4; attempt++) {
            String category = rng.chance(0.6) ? favouriteCategory : rng.pick(CATEGORIES);
            List<Product> shelf = PRODUCTS.stream().filter(p -> p.category().equals(category)).toList();
            Product product = rng.pick(shelf);
            if (chosen.contains(product.sku())) {
                continue;
            }
            chosen.add(product.sku());
            double quantityRoll = rng.nextDouble();
            int quantity = quantityRoll < 0.85 ? 1 : quantityRoll < 0.97 ? 2 : 3;
            items.add(new LineItem(product.sku(), product.category(), quantity, price(product, currency)));
        }
        return items;
    }

    static BigDecimal total(List<LineItem> items) {
        return items.stream()
                .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
