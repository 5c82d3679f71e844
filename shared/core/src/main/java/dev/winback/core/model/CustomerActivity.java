package dev.winback.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One customer's purchases up to a moment, as much of them as the customer record keeps: the distinct
 * purchase days, how many orders and what they spent.
 */
public record CustomerActivity(String customerId, NavigableSet<LocalDate> purchaseDays, int orders, BigDecimal spend) {

    public CustomerActivity {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(spend, "spend");
        purchaseDays = new TreeSet<>(purchaseDays);
        if (purchaseDays.isEmpty() || orders < purchaseDays.size()) {
            throw new IllegalArgumentException("need at least one purchase day and an order per day, was "
                    + purchaseDays.size() + " days and " + orders + " orders");
        }
    }

    /** Every customer who bought on or before {@code cut}, with their purchases up to it, by id. */
    public static List<CustomerActivity> upTo(List<Transaction> log, LocalDate cut) {
        Map<String, Builder> builders = new TreeMap<>();
        for (Transaction transaction : log) {
            if (!transaction.date().isAfter(cut)) {
                builders.computeIfAbsent(transaction.customerId(), id -> new Builder()).add(transaction);
            }
        }
        List<CustomerActivity> activities = new ArrayList<>(builders.size());
        builders.forEach((id, builder) -> activities.add(
                new CustomerActivity(id, builder.days, builder.orders, builder.spend)));
        return List.copyOf(activities);
    }

    /** The purchase models' view of these purchases at {@code evaluatedAt}. */
    public CustomerSummary summaryAt(LocalDate evaluatedAt) {
        return CalibrationSplit.summarise(new TreeSet<>(purchaseDays), evaluatedAt);
    }

    /** Spend per order; zero or less (refunds) counts as nothing spent. */
    public double meanOrderValue() {
        return Math.max(0, spend.doubleValue() / orders);
    }

    private static final class Builder {
        private final TreeSet<LocalDate> days = new TreeSet<>();
        private int orders;
        private BigDecimal spend = BigDecimal.ZERO;

        void add(Transaction transaction) {
            days.add(transaction.date());
            orders++;
            spend = spend.add(transaction.amount());
        }
    }
}
