package dev.winback.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.config.Journeys;
import dev.winback.adapters.json.CatalogReading;
import dev.winback.adapters.json.ProductCatalogCsv;
import dev.winback.core.journey.Product;
import dev.winback.core.journey.ProductCatalog;

/**
 * The demo shop's product catalog, imported as an operator would: a spreadsheet saved as CSV, read
 * by the catalog import, stored as the next version and activated. The shipped catalog knows phones
 * and toothbrushes, not running gear, so without this no cross-sell or replacement reminder fires.
 */
public final class DemoCatalog {

    /** Shoes wear out in about six months, gels are used up in a month, a watch lasts three years. */
    static final String CSV = """
            id,category,lifetime_days,complements,price_band
            RUN-SHOE-ROAD,footwear,180,accessories|apparel,high
            RUN-SHOE-TRAIL,footwear,180,accessories|apparel,high
            RUN-SHOE-RACE,footwear,120,accessories|nutrition,high
            GEL-12PACK,nutrition,30,accessories,low
            ELECTROLYTE-TUB,nutrition,45,accessories,low
            WATCH-GPS,electronics,1095,accessories,high
            EARBUDS-SPORT,electronics,730,,mid
            apparel,apparel,365,footwear,mid
            accessories,accessories,,nutrition,low
            nutrition,nutrition,60,,low
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCatalog() {
    }

    /** Stores the catalog as the next version, activates it, and has the journeys read it at once. */
    public static ProductCatalog activate(Journeys journeys) {
        int version = journeys.catalogs().latest() + 1;
        ProductCatalog catalog = switch (new ProductCatalogCsv().read(CSV, version, "demo-catalog.csv")) {
            case CatalogReading.Valid valid -> valid.catalog();
            case CatalogReading.Invalid invalid -> throw new IllegalStateException("the demo catalog is invalid: "
                    + invalid.problems());
        };
        int stored = journeys.catalogs().put(json(catalog));
        if (!journeys.catalogs().activate(stored)) throw new IllegalStateException("catalog version " + stored + " vanished");
        journeys.current().refreshNow();
        return catalog;
    }

    /** The catalog in the shipped catalog.json format. */
    static String json(ProductCatalog catalog) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", catalog.version());
        ArrayNode products = root.putArray("products");
        for (Product product : catalog.products().values()) {
            ObjectNode p = products.addObject();
            p.put("id", product.id());
            p.put("category", product.category());
            product.lifetime().ifPresent(lifetime -> p.put("lifetime", "P" + lifetime.toDays() + "D"));
            if (!product.complements().isEmpty()) {
                ArrayNode complements = p.putArray("complements");
                product.complements().forEach(complements::add);
            }
            p.put("priceBand", product.priceBand());
        }
        return root.toString();
    }
}
