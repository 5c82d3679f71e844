package dev.winback.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads transaction logs in the common layouts. Lines with a comma are split at commas (cells trimmed,
 * surrounding double quotes dropped), other lines at whitespace. Without a header, the number of
 * columns says the layout:
 * <ul>
 *   <li>3: {@code customerId,date,amount};</li>
 *   <li>4: {@code id YYYYMMDD quantity amount}, the CDNow master file;</li>
 *   <li>5: {@code sampleId masterId YYYYMMDD quantity amount}, the CDNow sample (the customer is the master id).</li>
 * </ul>
 * A first line in which no cell is a date is a header. When it names the columns (see
 * {@link TransactionLogColumns} for the accepted names: e.g. {@code customer_id}, {@code order_date},
 * {@code amount}, {@code quantity}), they are found by name, in any order and among other columns;
 * otherwise it is skipped and the layout goes by position. Dates are YYYYMMDD, YYYY-MM-DD, or an ISO
 * date-time of which the day counts. Blank lines and lines starting with '#' are skipped. Every
 * problem names its line.
 */
public final class TransactionLogParser {

    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TransactionLogParser() {
    }

    public static List<Transaction> parse(List<String> lines) {
        List<Transaction> transactions = new ArrayList<>();
        Optional<TransactionLogColumns> named = Optional.empty();
        boolean firstContentLine = true;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = index + 1;
            String[] cells = cells(line);
            if (firstContentLine) {
                firstContentLine = false;
                if (Arrays.stream(cells).allMatch(cell -> parseDate(cell).isEmpty())) {
                    named = TransactionLogColumns.byName(lineNumber, cells);
                    continue;
                }
            }
            TransactionLogColumns columns = named.isPresent() ? named.get() : byPosition(lineNumber, cells.length);
            if (cells.length != columns.width()) {
                throw new MalformedTransactionLogException(lineNumber, "expected " + columns.width()
                        + " columns as in the header, found " + cells.length);
            }
            transactions.add(transaction(lineNumber, cells, columns));
        }
        return List.copyOf(transactions);
    }

    private static String[] cells(String line) {
        String[] cells = (line.indexOf(',') >= 0 ? COMMA : WHITESPACE).split(line, -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            cells[i] = cell;
        }
        return cells;
    }

    private static TransactionLogColumns byPosition(int lineNumber, int width) {
        return TransactionLogColumns.byPosition(width).orElseThrow(() -> new MalformedTransactionLogException(lineNumber,
                "expected 3 columns (customerId,date,amount), 4 (id YYYYMMDD quantity amount, the CDNow master file)"
                        + " or 5 (sampleId masterId YYYYMMDD quantity amount, the CDNow sample), or a header naming"
                        + " the columns; found " + width));
    }

    private static Transaction transaction(int lineNumber, String[] cells, TransactionLogColumns columns) {
        String customerId = cells[columns.customerId()];
        if (customerId.isEmpty()) {
            throw new MalformedTransactionLogException(lineNumber, "the customer id is empty");
        }
        String date = cells[columns.date()];
        LocalDate day = parseDate(date).orElseThrow(() -> new MalformedTransactionLogException(lineNumber,
                "date '" + date + "' is neither YYYYMMDD, YYYY-MM-DD nor an ISO date-time"));
        BigDecimal amount = number(lineNumber, "amount", cells[columns.amount()]);
        columns.quantity().ifPresent(quantity -> number(lineNumber, "quantity", cells[quantity]));
        return new Transaction(customerId, day, amount);
    }

    private static BigDecimal number(int lineNumber, String what, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedTransactionLogException(lineNumber, what + " '" + text + "' is not a number");
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            if (text.length() == 8) {
                return Optional.of(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE));
            }
            boolean dateTime = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
            LocalDate day = LocalDate.parse(dateTime ? text.substring(0, 10) : text, DateTimeFormatter.ISO_LOCAL_DATE);
            if (dateTime) {
                DateTimeFormatter.ISO_DATE_TIME.parse(text.replace(' ', 'T')); // the rest must be a time too
            }
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
