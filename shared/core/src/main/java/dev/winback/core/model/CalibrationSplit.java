package dev.winback.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a transaction log into per-customer summaries in weeks at the end of a calibration period
 * (inclusive) and holdout outcomes for the days after it, up to the holdout end (inclusive).
 * Customers whose first purchase is after the calibration end are not part of the cohort.
 */
public final class CalibrationSplit {

    private CalibrationSplit() {
    }

    public static List<CustomerOutcome> split(List<Transaction> log, LocalDate calibrationEnd, LocalDate holdoutEnd) {
        if (holdoutEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException("holdout end " + holdoutEnd + " is before calibration end " + calibrationEnd);
        }
        Map<String, TreeSet<LocalDate>> calibrationDays = new TreeMap<>();
        Map<String, Boolean> holdoutPurchase = new TreeMap<>();
        for (Transaction transaction : log) {
            LocalDate day = transaction.date();
            if (!day.isAfter(calibrationEnd)) {
                calibrationDays.computeIfAbsent(transaction.customerId(), id -> new TreeSet<>()).add(day);
            } else if (!day.isAfter(holdoutEnd)) {
                holdoutPurchase.put(transaction.customerId(), true);
            }
        }
        List<CustomerOutcome> outcomes = new ArrayList<>(calibrationDays.size());
        calibrationDays.forEach((customerId, days) -> outcomes.add(new CustomerOutcome(
                customerId, summarise(days, calibrationEnd), holdoutPurchase.getOrDefault(customerId, false))));
        return List.copyOf(outcomes);
    }

    static CustomerSummary summarise(TreeSet<LocalDate> purchaseDays, LocalDate evaluatedAt) {
        LocalDate first = purchaseDays.first();
        return new CustomerSummary(
                purchaseDays.size() - 1,
                ModelTime.weeksBetween(first, purchaseDays.last()),
                ModelTime.weeksBetween(first, evaluatedAt));
    }
}
