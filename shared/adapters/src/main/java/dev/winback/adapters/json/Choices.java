package dev.winback.adapters.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The closed set of wire names a field accepts, in the order the error message lists them. */
record Choices<E>(Map<String, E> byName) {

    Choices {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    static <E> Choices<E> of(List<E> values, Function<E, String> wireName) {
        Map<String, E> map = new LinkedHashMap<>();
        values.forEach(value -> map.put(wireName.apply(value), value));
        return new Choices<>(map);
    }

    Optional<E> find(String wireName) {
        return Optional.ofNullable(byName.get(wireName));
    }

    String requirement() {
        return "must be one of: " + String.join(", ", byName.keySet());
    }
}
