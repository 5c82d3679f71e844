package dev.winback.local.runtime.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The six-field AWS cron: {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}, evaluated
 * in the schedule's time zone (UTC unless the template names one). Supports {@code , - * /} in every
 * field, month and day names, {@code ?} in exactly one of the two day fields, and the day specials
 * {@code L}, {@code LW}, {@code nW} (day of month) and {@code L}, {@code nL}, {@code n#k} (day of week).
 * Days of the week are numbered 1 (SUN) to 7 (SAT), as in AWS.
 */
public record CronExpression(
        String source,
        BitSet minutes,
        BitSet hours,
        Predicate<LocalDate> dayMatches,
        BitSet months,
        BitSet years,
        ZoneId zone) implements ScheduleExpression {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    static CronExpression parse(String expression, String body, ZoneId zone) {
        String[] fields = body.trim().split("\\s+");
        if (fields.length != 6) {
            throw new InvalidScheduleException(expression,
                    "AWS cron has six fields (minutes hours day-of-month month day-of-week year), found " + fields.length);
        }
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            throw new InvalidScheduleException(expression, "exactly one of day-of-month and day-of-week must be '?'");
        }
        FieldReader reader = new FieldReader(expression);
        Predicate<LocalDate> days = dayOfMonth.equals("?")
                ? dayOfWeekRule(dayOfWeek, reader)
                : dayOfMonthRule(dayOfMonth, reader);
        return new CronExpression(expression,
                reader.values(fields[0], "minutes", 0, 59, List.of()),
                reader.values(fields[1], "hours", 0, 23, List.of()),
                days,
                reader.values(fields[3], "month", 1, 12, MONTHS),
                reader.values(fields[5], "year", FIRST_YEAR, LAST_YEAR, List.of()),
                zone);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant created) {
        ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (date.getYear() <= LAST_YEAR) {
            if (date.getYear() < FIRST_YEAR || !years.get(date.getYear())) {
                date = LocalDate.of(date.getYear() + 1, 1, 1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (dayMatches.test(date)) {
                Optional<LocalTime> time = firstTimeFrom(from);
                if (time.isPresent()) {
                    Instant candidate = ZonedDateTime.of(date, time.get(), zone).toInstant();
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                    // A repeated local hour (clocks going back) mapped before `after`: look further that day.
                    if (!time.get().equals(LocalTime.of(23, 59))) {
                        from = time.get().plusMinutes(1);
                        continue;
                    }
                }
            }
            date = date.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    private Optional<LocalTime> firstTimeFrom(LocalTime from) {
        for (int hour = hours.nextSetBit(from.getHour()); hour >= 0 && hour <= 23; hour = hours.nextSetBit(hour + 1)) {
            int minute = minutes.nextSetBit(hour == from.getHour() ? from.getMinute() : 0);
            if (minute >= 0 && minute <= 59) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return source;
    }

    private static Predicate<LocalDate> dayOfMonthRule(String field, FieldReader reader) {
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (upper.equals("LW")) {
            return date -> date.equals(nearestWeekday(date.with(TemporalAdjusters.lastDayOfMonth())));
        }
        if (upper.endsWith("W")) {
            int day = reader.number(upper.substring(0, upper.length() - 1), "day-of-month", 1, 31, List.of());
            return date -> day <= date.lengthOfMonth() && date.equals(nearestWeekday(date.withDayOfMonth(day)));
        }
        BitSet days = reader.values(field, "day-of-month", 1, 31, List.of());
        return date -> days.get(date.getDayOfMonth());
    }

    private static Predicate<LocalDate> dayOfWeekRule(String field, FieldReader reader) {
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.equals("L")) {
            return date -> date.getDayOfWeek() == DayOfWeek.SATURDAY;
        }
        if (upper.endsWith("L")) {
            DayOfWeek day = awsDay(reader.number(upper.substring(0, upper.length() - 1), "day-of-week", 1, 7, DAYS));
            return date -> date.equals(date.with(TemporalAdjusters.lastInMonth(day)));
        }
        int hash = upper.indexOf('#');
        if (hash > 0) {
            DayOfWeek day = awsDay(reader.number(upper.substring(0, hash), "day-of-week", 1, 7, DAYS));
            int nth = reader.number(upper.substring(hash + 1), "day-of-week occurrence", 1, 5, List.of());
            // A fifth occurrence that does not exist lands in the next month and so never equals the date.
            return date -> date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(nth, day)));
        }
        BitSet days = reader.values(field, "day-of-week", 1, 7, DAYS);
        return date -> days.get(date.getDayOfWeek().getValue() % 7 + 1);
    }

    /** AWS numbers SUN as 1 and SAT as 7. */
    private static DayOfWeek awsDay(int aws) {
        return aws == 1 ? DayOfWeek.SUNDAY : DayOfWeek.of(aws - 1);
    }

    /** The weekday nearest to {@code date} without leaving its month (the W special). */
    private static LocalDate nearestWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
            case SUNDAY -> date.getDayOfMonth() == date.lengthOfMonth() ? date.minusDays(2) : date.plusDays(1);
            default -> date;
        };
    }

    /** Reads the plain field syntax: lists of values, ranges, steps and names. */
    private record FieldReader(String expression) {

        BitSet values(String field, String name, int min, int max, List<String> names) {
            BitSet values = new BitSet(max + 1);
            for (String item : field.split(",", -1)) {
                String range = item;
                int step = 1;
                int slash = item.indexOf('/');
                if (slash >= 0) {
                    range = item.substring(0, slash);
                    step = number(item.substring(slash + 1), name + " step", 1, max - min + 1, List.of());
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.indexOf('-', 1) > 0) {
                    int dash = range.indexOf('-', 1);
                    from = number(range.substring(0, dash), name, min, max, names);
                    to = number(range.substring(dash + 1), name, min, max, names);
                    if (to < from) {
                        throw new InvalidScheduleException(expression, name + " range " + range + " runs backwards");
                    }
                } else {
                    from = number(range, name, min, max, names);
                    to = slash >= 0 ? max : from;
                }
                for (int v = from; v <= to; v += step) {
                    values.set(v);
                }
            }
            return values;
        }

        int number(String text, String name, int min, int max, List<String> names) {
            int named = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (named >= 0) {
                return min + named;
            }
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new InvalidScheduleException(expression,
                            name + " value " + value + " is outside " + min + "-" + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidScheduleException(expression, "cannot read " + name + " value \"" + text + "\""
                        + " (supported: numbers, names, , - * / and, in the day fields, ? L W #)");
            }
        }
    }
}
