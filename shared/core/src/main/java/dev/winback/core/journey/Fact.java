package dev.winback.core.journey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The value of one named fact about a customer, an event or a running journey, as conditions see
 * it. Facts are typed so that "orders at least 2" compares numbers and "bought a phone within 30
 * days" compares times, never text.
 */
public sealed interface Fact {

    record Text(String value) implements Fact {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    record Number(BigDecimal value) implements Fact {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        public static Number of(long value) {
            return new Number(BigDecimal.valueOf(value));
        }
    }

    /** A set of words, such as the categories a customer bought. */
    record Words(Set<String> values) implements Fact {
        public Words {
            values = Set.copyOf(values);
        }
    }

    record Time(Instant value) implements Fact {
        public Time {
            Objects.requireNonNull(value, "value");
        }
    }
}
