package dev.winback.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One purchase line of a transaction log; only the day matters to the purchase models. */
public record Transaction(String customerId, LocalDate date, BigDecimal amount) {

    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
    }
}
