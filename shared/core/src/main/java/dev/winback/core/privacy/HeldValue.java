package dev.winback.core.privacy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One stored attribute's value, as an export shows it. */
public sealed interface HeldValue {

    record Text(String value) implements HeldValue { }

    record Number(BigDecimal value) implements HeldValue { }

    record Bool(boolean value) implements HeldValue { }

    record Null() implements HeldValue { }

    record ListOf(List<HeldValue> values) implements HeldValue { }

    record MapOf(Map<String, HeldValue> entries) implements HeldValue { }
}
