package dev.winback.core.record;

import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.ConversionWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's open exposures to units of measurement (a rule's campaign, a journey): when a
 * marketing message of the unit was sent to them (treated) or withheld from them (held out, or in
 * the control group), and whether they converted within the window since. Bounded: the newest
 * {@link #CAPACITY} by (time, unit, group), a total order, and none older than two windows before
 * the newest, so the list is the same whatever order the exposures arrive in.
 *
 * <p>A customer is exposed to a unit once per window: a second message of the unit within the
 * window of an exposure kept here opens nothing. A conversion (a purchase or a return visit) dated
 * after an exposure and within its window converts it; the earliest such event is kept as the
 * conversion time, so any order of the same events converts the same exposures at the same times.
 * An event dated at or before the exposure never converts it: timestamps are claims.
 */
public record Exposures(List<Exposure> open) {

    /** More open exposures than a customer can have within one window under any sane frequency cap. */
    public static final int CAPACITY = 16;
    public static final Exposures NONE = new Exposures(List.of());

    static final Comparator<Exposure> NEWEST_FIRST = Comparator.comparing(Exposure::at).reversed()
            .thenComparing(Exposure::unit).thenComparing(Exposure::group);

    public Exposures {
        open = List.copyOf(open);
    }

    /**
     * @param convertedAt the earliest conversion within the window, if any
     */
    public record Exposure(String unit, Assignment group, Instant at, Optional<Instant> convertedAt) {
        public Exposure {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(convertedAt, "convertedAt");
        }

        public boolean converted() {
            return convertedAt.isPresent();
        }

        /** Whether an event dated {@code when} falls in this exposure's window: after it, and not after its end. */
        public boolean covers(Instant when) {
            return when.isAfter(at) && !when.isAfter(ConversionWindow.endOf(at));
        }

        /** The same exposure (unit, group and instant), converted or not. */
        boolean sameAs(Exposure other) {
            return unit.equals(other.unit) && group == other.group && at.equals(other.at);
        }
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    /**
     * With an exposure of {@code unit} at {@code at}, unless one of the unit is kept within a window
     * of it (either side, so the count does not depend on the order exposures arrive in).
     */
    public Exposures exposed(String unit, Assignment group, Instant at) {
        for (Exposure kept : open) {
            if (kept.unit().equals(unit) && ConversionWindow.within(kept.at(), at)) return this;
        }
        List<Exposure> next = new ArrayList<>(open);
        next.add(new Exposure(unit, group, at, Optional.empty()));
        next.sort(NEWEST_FIRST);
        // Exposures whose window closed a window before the newest one opened are done with: dropped
        // (by event time, not the clock, so any order of the same exposures keeps the same ones).
        Instant horizon = next.getFirst().at().minus(ConversionWindow.LENGTH.multipliedBy(2));
        next.removeIf(e -> e.at().isBefore(horizon));
        return new Exposures(next.size() > CAPACITY ? next.subList(0, CAPACITY) : next);
    }

    /** Every exposure whose window covers {@code when} converted, at the earliest such event. */
    public Exposures converted(Instant when) {
        List<Exposure> next = new ArrayList<>(open.size());
        boolean changed = false;
        for (Exposure e : open) {
            if (e.covers(when) && e.convertedAt().map(when::isBefore).orElse(true)) {
                next.add(new Exposure(e.unit(), e.group(), e.at(), Optional.of(when)));
                changed = true;
            } else {
                next.add(e);
            }
        }
        return changed ? new Exposures(next) : this;
    }

    /** This list's version of the same exposure. */
    Optional<Exposure> find(Exposure exposure) {
        return open.stream().filter(exposure::sameAs).findFirst();
    }
}
