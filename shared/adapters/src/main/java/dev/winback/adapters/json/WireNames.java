package dev.winback.adapters.json;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The playbook spells every enum constant in lower case, as the event contract does. */
final class WireNames {

    private WireNames() {
    }

    static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> wireName(c).equals(name)).findFirst();
    }

    static <E extends Enum<E>> String all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::wireName).collect(Collectors.joining(", "));
    }

    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
