package dev.winback.local.demo;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A customer of the synthetic base with the behaviour it was generated with; not part of any event. */
public record SyntheticCustomer(String customerId, Persona persona, Set<Trait> traits) {

    public SyntheticCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(persona, "persona");
        // An EnumSet keeps iteration (and so toString) in declaration order, unlike Set.copyOf.
        traits = Collections.unmodifiableSet(traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits));
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }
}
