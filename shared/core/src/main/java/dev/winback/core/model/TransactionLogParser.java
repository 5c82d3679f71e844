package dev.winback.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads transaction logs in two layouts, columns separated by commas or whitespace:
 * the CDNow layout {@code sampleId masterId YYYYMMDD quantity amount} (the customer is the master id)
 * and a plain {@code customerId,date,amount}. Dates are YYYYMMDD or YYYY-MM-DD. The first line may be
 * a header; blank lines and lines starting with '#' are skipped.
 */
public final class TransactionLogParser {

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    private TransactionLogParser() {
    }

    public static List<Transaction> parse(List<String> lines) {
        List<Transaction> transactions = new ArrayList<>();
        boolean firstContentLine = true;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = SEPARATOR.split(line);
            boolean header = firstContentLine && looksLikeHeader(columns);
            firstContentLine = false;
            if (!header) {
                transactions.add(parseLine(index + 1, columns));
            }
        }
        return List.copyOf(transactions);
    }

    private static boolean looksLikeHeader(String[] columns) {
        int dateColumn = columns.length == 5 ? 2 : 1;
        return columns.length > dateColumn && parseDate(columns[dateColumn]).isEmpty();
    }

    private static Transaction parseLine(int lineNumber, String[] columns) {
        return switch (columns.length) {
            case 3 -> transaction(lineNumber, columns[0], columns[1], columns[2]);
            case 5 -> transaction(lineNumber, columns[1], columns[2], columns[4]);
            default -> throw new MalformedTransactionLogException(lineNumber, "expected 3 columns (customerId,date,amount)"
                    + " or 5 (sampleId masterId YYYYMMDD quantity amount), found " + columns.length);
        };
    }

    private static Transaction transaction(int lineNumber, String customerId, String date, String amount) {
        LocalDate day = parseDate(date).orElseThrow(() ->
                new MalformedTransactionLogException(lineNumber, "date '" + date + "' is neither YYYYMMDD nor YYYY-MM-DD"));
        try {
            return new Transaction(customerId, day, new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new MalformedTransactionLogException(lineNumber, "amount '" + amount + "' is not a number");
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        DateTimeFormatter format = text.length() == 8 ? DateTimeFormatter.BASIC_ISO_DATE : DateTimeFormatter.ISO_LOCAL_DATE;
        try {
            return Optional.of(LocalDate.parse(text, format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
