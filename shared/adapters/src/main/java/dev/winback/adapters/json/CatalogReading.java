package dev.winback.adapters.json;

import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.ProductCatalog;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of reading a product catalog: a usable one, or every reason it is not. */
public sealed interface CatalogReading {

    record Valid(ProductCatalog catalog) implements CatalogReading {
        public Valid {
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    /** @param problems where ({@code products[3].lifetime}, or {@code line 4, lifetime_days} for CSV) and what */
    record Invalid(String source, List<JourneyProblem> problems) implements CatalogReading {
        public Invalid {
            Objects.requireNonNull(source, "source");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("an invalid catalog has at least one problem");
        }

        public String message() {
            return "product catalog " + source + " is invalid (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):" + problems.stream()
                    .map(problem -> "\n  - " + problem).collect(Collectors.joining());
        }
    }
}
