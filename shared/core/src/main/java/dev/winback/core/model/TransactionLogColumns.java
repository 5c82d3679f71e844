package dev.winback.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a transaction log keeps the customer id, the date, the amount and, optionally, the quantity:
 * by position for the layouts without a header, by name for a CSV with one.
 */
record TransactionLogColumns(int width, int customerId, int date, int amount, OptionalInt quantity) {

    /** {@code customerId,date,amount} */
    static final TransactionLogColumns PLAIN = new TransactionLogColumns(3, 0, 1, 2, OptionalInt.empty());
    /** The CDNow master file: {@code id YYYYMMDD quantity amount}. */
    static final TransactionLogColumns CDNOW_MASTER = new TransactionLogColumns(4, 0, 1, 3, OptionalInt.of(2));
    /** The CDNow sample: {@code sampleId masterId YYYYMMDD quantity amount}; the customer is the master id. */
    static final TransactionLogColumns CDNOW_SAMPLE = new TransactionLogColumns(5, 1, 2, 4, OptionalInt.of(3));
    static final List<TransactionLogColumns> BY_POSITION = List.of(PLAIN, CDNOW_MASTER, CDNOW_SAMPLE);

    /** Header names accepted for each column, compared without case, spaces, '_' or '-'. */
    static final Set<String> CUSTOMER_NAMES = Set.of("customerid", "customer", "custid", "clientid", "userid", "id");
    static final Set<String> DATE_NAMES = Set.of("date", "day", "orderdate", "purchasedate", "transactiondate", "invoicedate");
    static final Set<String> AMOUNT_NAMES = Set.of("amount", "value", "revenue", "total", "spend", "sales", "dollarvalue");
    static final Set<String> QUANTITY_NAMES = Set.of("quantity", "qty", "units", "items");

    static Optional<TransactionLogColumns> byPosition(int width) {
        return BY_POSITION.stream().filter(layout -> layout.width == width).findFirst();
    }

    /**
     * The columns a header names, or empty when it names none of them (a header of some other wording,
     * left to the positional layouts).
     *
     * @throws MalformedTransactionLogException when the header names some columns but not all required ones
     */
    static Optional<TransactionLogColumns> byName(int lineNumber, String[] header) {
        OptionalInt customer = find(header, CUSTOMER_NAMES);
        OptionalInt date = find(header, DATE_NAMES);
        OptionalInt amount = find(header, AMOUNT_NAMES);
        OptionalInt quantity = find(header, QUANTITY_NAMES);
        if (customer.isEmpty() && date.isEmpty() && amount.isEmpty() && quantity.isEmpty()) {
            return Optional.empty();
        }
        if (customer.isEmpty() || date.isEmpty() || amount.isEmpty()) {
            throw new MalformedTransactionLogException(lineNumber, "the header " + String.join(",", header)
                    + " lacks " + missing(customer, date, amount) + "; accepted names: customer id " + sorted(CUSTOMER_NAMES)
                    + ", date " + sorted(DATE_NAMES) + ", amount " + sorted(AMOUNT_NAMES) + ", optional quantity "
                    + sorted(QUANTITY_NAMES) + " (case, spaces, '_' and '-' ignored)");
        }
        return Optional.of(new TransactionLogColumns(header.length, customer.getAsInt(), date.getAsInt(),
                amount.getAsInt(), quantity));
    }

    private static OptionalInt find(String[] header, Set<String> names) {
        for (int i = 0; i < header.length; i++) {
            if (names.contains(normalised(header[i]))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static String normalised(String name) {
        return name.replaceAll("[\\s_\\-\"]", "").toLowerCase(Locale.ROOT);
    }

    private static String missing(OptionalInt customer, OptionalInt date, OptionalInt amount) {
        return String.join(" and ", Stream.of(
                        customer.isEmpty() ? "a customer id" : null,
                        date.isEmpty() ? "a date" : null,
                        amount.isEmpty() ? "an amount" : null)
                .filter(Objects::nonNull).toList());
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
