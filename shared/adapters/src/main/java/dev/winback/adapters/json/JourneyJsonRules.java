package dev.winback.adapters.json;

import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text forms of journey definitions and the product catalog: durations, times of day, dates in
 * the year, event types and product names. The published schemas state the same patterns (a test
 * compares them), so a file the schema accepts is one the parser reads.
 */
final class JourneyJsonRules {

    /**
     * ISO-8601 durations of days and time (P5D, PT2H, P1DT12H). Months and years are refused: their
     * length varies, and a reminder "in one month" would drift with the calendar.
     */
    static final String DURATION_PATTERN = "^P(?=[0-9]|T[0-9])([0-9]{1,6}D)?(T(?=[0-9])([0-9]{1,6}H)?([0-9]{1,6}M)?([0-9]{1,6}S)?)?$";
    static final String DURATION_REQUIREMENT =
            "must be an ISO-8601 duration of days and hours, minutes or seconds, such as P5D or PT2H";
    /** Matches the durations of no length; the schema refuses them where a wait must last. */
    static final String ZERO_DURATION_PATTERN = "^P(0+D)?(T(0+H)?(0+M)?(0+S)?)?$";
    /** Local time of day, 24-hour clock: 09:00. */
    static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    /** A day of the year without a year (ISO-8601): --12-24; --02-29 is allowed (a leap-day birthday). */
    static final String MONTH_DAY_PATTERN =
            "^--((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-9])|(0[13-9]|1[0-2])-30|(0[13578]|1[02])-31)$";
    /** An event type of the contract, as the journeys name it; not checked against the contract here. */
    static final String EVENT_TYPE_PATTERN = "^[a-z][a-z0-9_]{0,63}$";
    /**
     * A product id or category in the catalog: what events send as sku and category, without the two
     * characters the CSV import uses as separators and without leading or trailing spaces.
     */
    static final String PRODUCT_NAME_PATTERN = "^[^\\x00-\\x20\\x7F,|]([^\\x00-\\x1F\\x7F,|]{0,126}[^\\x00-\\x20\\x7F,|])?$";
    static final String PRODUCT_NAME_REQUIREMENT =
            "must be 1 to 128 characters without control characters, commas, '|' or spaces at either end";

    private static final Pattern DURATION = JsonSchemaRegex.compile(DURATION_PATTERN);
    private static final Pattern LOCAL_TIME = JsonSchemaRegex.compile(LOCAL_TIME_PATTERN);
    private static final Pattern MONTH_DAY = JsonSchemaRegex.compile(MONTH_DAY_PATTERN);
    private static final Pattern EVENT_TYPE = JsonSchemaRegex.compile(EVENT_TYPE_PATTERN);
    private static final Pattern PRODUCT_NAME = JsonSchemaRegex.compile(PRODUCT_NAME_PATTERN);

    private JourneyJsonRules() {
    }

    static Optional<Duration> duration(String text) {
        if (!DURATION.matcher(text).find()) return Optional.empty();
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whole days as days (P5D, not PT120H), the rest as hours, minutes and seconds. */
    static String duration(Duration duration) {
        if (duration.isNegative() || duration.getNano() != 0) return duration.toString();
        if (duration.isZero()) return "PT0S";
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        StringBuilder text = new StringBuilder("P");
        if (days > 0) text.append(days).append('D');
        if (!rest.isZero()) {
            text.append('T');
            if (rest.toHoursPart() > 0) text.append(rest.toHoursPart()).append('H');
            if (rest.toMinutesPart() > 0) text.append(rest.toMinutesPart()).append('M');
            if (rest.toSecondsPart() > 0) text.append(rest.toSecondsPart()).append('S');
        }
        return text.toString();
    }

    static Optional<LocalTime> localTime(String text) {
        return LOCAL_TIME.matcher(text).find() ? Optional.of(LocalTime.parse(text)) : Optional.empty();
    }

    static String localTime(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    static Optional<MonthDay> monthDay(String text) {
        return MONTH_DAY.matcher(text).find() ? Optional.of(MonthDay.parse(text)) : Optional.empty();
    }

    static boolean isEventType(String text) {
        return EVENT_TYPE.matcher(text).find();
    }

    static boolean isProductName(String text) {
        return PRODUCT_NAME.matcher(text).find();
    }
}
