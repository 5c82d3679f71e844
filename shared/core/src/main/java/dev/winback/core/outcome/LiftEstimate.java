package dev.winback.core.outcome;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One unit's measured effect over a range of exposure days: the treated group against its
 * comparison group (the unit's holdout together with the global control group, both withheld from
 * the unit's messages at random), their conversion rates, the absolute lift (treated rate minus
 * comparison rate) with a 95% Wald interval for the difference of two proportions,
 * {@code d ± z·sqrt(p1(1−p1)/n1 + p2(1−p2)/n2)}, z = 1.959964; revenue per exposed customer per
 * currency in each group; and the unit's messages per converted treated customer. Pure.
 */
public record LiftEstimate(String unit, LocalDate from, LocalDate to, Group treated, Group comparison,
                           long messages) {

    /** The 97.5th percentile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    public LiftEstimate {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** One group's totals. */
    public record Group(long exposed, long converted, Map<String, BigDecimal> revenue) {
        public Group {
            revenue = Map.copyOf(new TreeMap<>(revenue));
        }

        /** Conversions over exposures; NaN before anyone is exposed. */
        public double rate() {
            return exposed == 0 ? Double.NaN : (double) converted / exposed;
        }

        /** Revenue per exposed customer, per currency. */
        public Map<String, BigDecimal> revenuePerCustomer() {
            Map<String, BigDecimal> per = new TreeMap<>();
            if (exposed == 0) return per;
            revenue.forEach((currency, sum) ->
                    per.put(currency, sum.divide(BigDecimal.valueOf(exposed), MathContext.DECIMAL64)));
            return per;
        }

        Group plus(OutcomeCount count) {
            Map<String, BigDecimal> sum = new TreeMap<>(revenue);
            count.revenue().forEach((currency, amount) -> sum.merge(currency, amount, BigDecimal::add));
            return new Group(exposed + count.exposed(), converted + count.converted(), sum);
        }
    }

    /** The estimate from a unit's counters over the days they cover. */
    public static LiftEstimate of(String unit, LocalDate from, LocalDate to, Collection<OutcomeCount> counts) {
        Group treated = new Group(0, 0, Map.of());
        Group comparison = new Group(0, 0, Map.of());
        long messages = 0;
        for (OutcomeCount count : counts) {
            if (!count.unit().equals(unit) || count.day().isBefore(from) || count.day().isAfter(to)) continue;
            if (count.group() == Assignment.TREATED) treated = treated.plus(count);
            else comparison = comparison.plus(count);
            messages += count.messages();
        }
        return new LiftEstimate(unit, from, to, treated, comparison, messages);
    }

    /** Treated rate minus comparison rate; NaN while either group is empty. */
    public double lift() {
        return treated.rate() - comparison.rate();
    }

    /** The standard error of the lift (Wald, unpooled). */
    public double standardError() {
        double p1 = treated.rate();
        double p2 = comparison.rate();
        return Math.sqrt(p1 * (1 - p1) / treated.exposed() + p2 * (1 - p2) / comparison.exposed());
    }

    public double lower() {
        return lift() - Z_95 * standardError();
    }

    public double upper() {
        return lift() + Z_95 * standardError();
    }

    /** Whether both groups have someone in them, so the figures mean something. */
    public boolean measurable() {
        return treated.exposed() > 0 && comparison.exposed() > 0;
    }

    /** The unit's messages per converted treated customer; NaN while none converted. */
    public double messagesPerRetained() {
        return treated.converted() == 0 ? Double.NaN : (double) messages / treated.converted();
    }
}
