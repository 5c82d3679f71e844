package dev.winback.adapters.json;

import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.Product;
import dev.winback.core.journey.ProductCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCatalogCsvTest {

    private final ProductCatalogCsv csv = new ProductCatalogCsv();

    @Test
    void importsASpreadsheet_inAnyColumnOrder_andWritesItAsTheJsonTheParserReads() {
        String text = "\uFEFFid,category,price_band,lifetime_days,complements\r\n"
                + "phones,phones,high,730,phone-cases|chargers\r\n"
                + "\r\n"
                + "chargers,chargers,low,,\r\n";

        CatalogReading reading = csv.read(text, 3, "upload.csv");

        assertThat(reading).isInstanceOf(CatalogReading.Valid.class);
        ProductCatalog catalog = ((CatalogReading.Valid) reading).catalog();
        assertThat(catalog).isEqualTo(ProductCatalog.of(3, List.of(
                new Product("phones", "phones", Optional.of(Duration.ofDays(730)), List.of("phone-cases", "chargers"), "high"),
                new Product("chargers", "chargers", Optional.empty(), List.of(), "low"))));
        String json = new ProductCatalogParser().write(catalog);
        assertThat(new ProductCatalogParser().read(json, "written")).isEqualTo(new CatalogReading.Valid(catalog));
        assertThat(JourneySchemas.catalogViolations(TestResources.json(json))).isEmpty();
    }

    @Test
    void listsEveryProblem_withItsLineNumber() {
        String text = "id,category,lifetime_days,complements,price_band\n"
                + "phones,phones,two years,cases,premium\n"
                + "phones,phones,730,,high\n"
                + "\"quoted\",x,1,,low\n"
                + "short,row\n"
                + ",cases,0,a||b,low\n";

        assertThat(problems(csv.read(text, 1, "upload.csv"))).containsExactly(
                "line 2, lifetime_days: must be a whole number of days from 1 to 36500, or empty when the product is not replaced",
                "line 2, price_band: must be one of: low, mid, high",
                "line 3, id: another product already has the id phones",
                "line 4: quotes are not supported: no field needs them",
                "line 5: has 2 fields; the header has 5",
                "line 6, id: is required",
                "line 6, lifetime_days: must be a whole number of days from 1 to 36500, or empty when the product is not replaced",
                "line 6, complements: is required");
    }

    @Test
    void aHeaderThatIsNotTheCatalogs_isRefusedBeforeAnyRow() {
        assertThat(problems(csv.read("id,category,lifetime,price_band\nx,y,1,low\n", 1, "upload.csv"))).containsExactly(
                "line 1: unknown column \"lifetime\"; the columns are id,category,lifetime_days,complements,price_band",
                "line 1: the column lifetime_days is missing",
                "line 1: the column complements is missing");
    }

    private static List<String> problems(CatalogReading reading) {
        assertThat(reading).isInstanceOf(CatalogReading.Invalid.class);
        return ((CatalogReading.Invalid) reading).problems().stream().map(JourneyProblem::toString).toList();
    }
}
