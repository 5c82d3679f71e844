package dev.winback.adapters.json;

import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.Product;
import dev.winback.core.journey.ProductCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a product catalog from a spreadsheet saved as CSV, with a header row naming the columns
 * (in any order): {@code id,category,lifetime_days,complements,price_band}. {@code lifetime_days}
 * is a whole number of days or empty (not replaced); {@code complements} are categories separated
 * by {@code |}, or empty. No field needs quotes (names hold no comma), so quotes are refused rather
 * than half understood. Every problem is listed with its line number, the header being line 1.
 */
public final class ProductCatalogCsv {

    static final List<String> COLUMNS = List.of("id", "category", "lifetime_days", "complements", "price_band");
    static final int MAX_LIFETIME_DAYS = 36_500;

    /** @param version the version the imported catalog gets (a CSV file carries none) */
    public CatalogReading read(String text, int version, String source) {
        List<JourneyProblem> problems = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        Optional<Map<String, Integer>> columns = header(lines[0], problems);
        if (columns.isEmpty()) return new CatalogReading.Invalid(source, problems);
        List<Product> products = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            row(lines[i], i + 1, columns.get(), ids, problems).ifPresent(products::add);
        }
        if (version < 1) problems.add(new JourneyProblem("version", "must be at least 1"));
        if (!problems.isEmpty()) return new CatalogReading.Invalid(source, problems);
        return new CatalogReading.Valid(ProductCatalog.of(version, products));
    }

    private static Optional<Map<String, Integer>> header(String line, List<JourneyProblem> problems) {
        List<String> names = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!COLUMNS.contains(name)) {
                problems.add(new JourneyProblem("line 1", "unknown column \"" + name + "\"; the columns are "
                        + String.join(",", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new JourneyProblem("line 1", "the column " + name + " appears twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) problems.add(new JourneyProblem("line 1", "the column " + column + " is missing"));
        }
        return problems.isEmpty() ? Optional.of(columns) : Optional.empty();
    }

    private static Optional<Product> row(String line, int number, Map<String, Integer> columns, Set<String> ids,
                                         List<JourneyProblem> problems) {
        String at = "line " + number;
        if (line.indexOf('"') >= 0) {
            problems.add(new JourneyProblem(at, "quotes are not supported: no field needs them"));
            return Optional.empty();
        }
        String[] cells = line.split(",", -1);
        if (cells.length != columns.size()) {
            problems.add(new JourneyProblem(at, "has " + cells.length + " fields; the header has " + columns.size()));
            return Optional.empty();
        }
        int before = problems.size();
        String id = name(cell(cells, columns, "id"), at + ", id", problems);
        if (id != null && !ids.add(id)) problems.add(new JourneyProblem(at + ", id", "another product already has the id " + id));
        String category = name(cell(cells, columns, "category"), at + ", category", problems);
        Optional<Duration> lifetime = lifetime(cell(cells, columns, "lifetime_days"), at + ", lifetime_days", problems);
        List<String> complements = new ArrayList<>();
        String complementCell = cell(cells, columns, "complements");
        if (!complementCell.isEmpty()) {
            for (String complement : complementCell.split("\\|", -1)) {
                String name = name(complement.strip(), at + ", complements", problems);
                if (name != null) complements.add(name);
            }
        }
        String band = cell(cells, columns, "price_band");
        if (!PriceBand.NAMES.contains(band)) {
            problems.add(new JourneyProblem(at + ", price_band", "must be one of: " + String.join(", ", PriceBand.NAMES)));
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new Product(id, category, lifetime, complements, band));
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String column) {
        return cells[columns.get(column)].strip();
    }

    private static String name(String text, String where, List<JourneyProblem> problems) {
        if (text.isEmpty()) {
            problems.add(new JourneyProblem(where, "is required"));
            return null;
        }
        if (!JourneyJsonRules.isProductName(text)) {
            problems.add(new JourneyProblem(where, JourneyJsonRules.PRODUCT_NAME_REQUIREMENT));
            return null;
        }
        return text;
    }

    private static Optional<Duration> lifetime(String text, String where, List<JourneyProblem> problems) {
        if (text.isEmpty()) return Optional.empty();
        if (text.matches("[0-9]{1,6}")) {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= MAX_LIFETIME_DAYS) return Optional.of(Duration.ofDays(days));
        }
        problems.add(new JourneyProblem(where, "must be a whole number of days from 1 to " + MAX_LIFETIME_DAYS
                + ", or empty when the product is not replaced"));
        return Optional.empty();
    }
}
