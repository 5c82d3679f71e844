package dev.winback.adapters.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 instants exactly as {@link Instant#toString()} writes them and {@link Instant#parse}
 * reads them, with a fast path for the shape records hold ({@code 2026-07-01T08:55:45Z}, with an
 * optional fraction of 3, 6 or 9 digits, years 0000 to 9999). A record holds dozens of instants and
 * is read and written on every event; the JDK's formatter-based parse and print took most of the
 * codec's time (measured in the demo's profile). Anything else goes to the JDK.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long MIN_FAST = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long MAX_FAST = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    private IsoInstants() {
    }

    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length != 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || (fraction != 3 && fraction != 6 && fraction != 9)) return Instant.parse(text);
            int value = digits(text, 20, fraction);
            if (value < 0) return Instant.parse(text);
            nanos = value * (fraction == 3 ? 1_000_000 : fraction == 6 ? 1_000 : 1);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Instant.parse(text); // the JDK names what is wrong
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) return at.toString();
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int nanos = at.getNano();
        char[] out = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (nanos != 0) {
            out[19] = '.';
            int digits = out.length - 21;
            put(out, 20, nanos / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1), digits);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** The decimal number in {@code count} characters from {@code from}; -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] out, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
