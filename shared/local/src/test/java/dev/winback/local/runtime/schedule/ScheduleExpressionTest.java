package dev.winback.local.runtime.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleExpressionTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T00:00:00Z");

    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression, ZoneOffset.UTC)
                .nextAfter(Instant.parse(after), CREATED).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "rate(1 minute),   PT1M",
            "rate(5 minutes),  PT5M",
            "rate(1 hour),     PT1H",
            "rate(12 hours),   PT12H",
            "rate(1 day),      P1D",
            "rate(7 days),     P7D",
    })
    void parse_whenRate_readsThePeriod(String expression, String period) {
        assertThat(ScheduleExpression.parse(expression, ZoneOffset.UTC))
                .isEqualTo(new RateExpression(Duration.parse(period)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 hour)", "rate(0 minutes)", "rate(x days)", "rate(1 week)",
            "every(1 day)", "rate 1 day", "cron(0 12 * * *)", "cron(0 12 1 * MON *)", "cron(0 12 ? * ? *)",
            "cron(61 * * * ? *)", "cron(0 12 ? * 8 *)", "cron(0 12 ? FOO * *)", "at(tomorrow)"})
    void parse_whenInvalid_failsQuotingTheExpression(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression, ZoneOffset.UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(expression);
    }

    @Test
    void rate_countsFromCreationNotFromTheHour() {
        Instant created = Instant.parse("2026-11-23T00:20:00Z");
        RateExpression hourly = new RateExpression(Duration.ofHours(1));
        assertThat(hourly.nextAfter(created, created)).contains(Instant.parse("2026-11-23T01:20:00Z"));
        assertThat(hourly.nextAfter(Instant.parse("2026-11-23T05:00:00Z"), created))
                .contains(Instant.parse("2026-11-23T05:20:00Z"));
    }

    @Test
    void rate_dueBetween_countsByArithmetic() {
        RateExpression minutely = new RateExpression(Duration.ofMinutes(1));
        Instant yearLater = CREATED.plus(Duration.ofDays(365));
        ScheduleExpression.DueRuns due = minutely.dueBetween(CREATED, yearLater, CREATED);
        assertThat(due.count()).isEqualTo(365L * 24 * 60);
        assertThat(due.latest()).isEqualTo(yearLater);
        assertThat(minutely.dueBetween(CREATED, CREATED.plusSeconds(59), CREATED).any()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // expression,                       after,                   next
            "cron(0 12 * * ? *),                 2026-11-23T00:00:00Z,    2026-11-23T12:00:00Z",
            "cron(0 12 * * ? *),                 2026-11-23T12:00:00Z,    2026-11-24T12:00:00Z",
            "cron(0/15 * * * ? *),               2026-11-23T10:07:30Z,    2026-11-23T10:15:00Z",
            "cron(*/20 9-17 * * ? *),            2026-11-23T17:41:00Z,    2026-11-24T09:00:00Z",
            "cron(0 18 ? * MON-FRI *),           2026-11-27T19:00:00Z,    2026-11-30T18:00:00Z",
            "cron(0 8 1 * ? *),                  2026-11-23T00:00:00Z,    2026-12-01T08:00:00Z",
            "cron(0 0 L * ? *),                  2027-02-01T00:00:00Z,    2027-02-28T00:00:00Z",
            "cron(0 0 LW * ? *),                 2027-01-01T00:00:00Z,    2027-01-29T00:00:00Z",
            "cron(0 0 15W * ? *),                2026-11-01T00:00:00Z,    2026-11-16T00:00:00Z",
            "cron(0 0 1W * ? *),                 2026-11-01T00:00:00Z,    2026-11-02T00:00:00Z",
            "cron(0 10 ? * 6L *),                2026-11-01T00:00:00Z,    2026-11-27T10:00:00Z",
            "cron(0 10 ? * 2#1 *),               2026-11-03T00:00:00Z,    2026-12-07T10:00:00Z",
            "cron(0 10 ? * 1#5 *),               2026-11-02T00:00:00Z,    2026-11-29T10:00:00Z",
            "cron(0 10 ? * 1#5 *),               2026-11-30T00:00:00Z,    2027-01-31T10:00:00Z",
            "'cron(0 0 1 JAN,JUL ? *)',          2026-11-23T00:00:00Z,    2027-01-01T00:00:00Z",
            "cron(30 6 29 2 ? *),                2026-11-23T00:00:00Z,    2028-02-29T06:30:00Z",
            "cron(0 0 1 1 ? 2030-2031),          2026-11-23T00:00:00Z,    2030-01-01T00:00:00Z",
            "cron(0 0 ? * L *),                  2026-11-23T00:00:00Z,    2026-11-28T00:00:00Z",
    })
    void cron_nextAfter_followsAwsSemantics(String expression, String after, String expected) {
        assertThat(next(expression.trim(), after.trim())).isEqualTo(Instant.parse(expected.trim()));
    }

    @Test
    void cron_whenNoYearLeft_hasNoNextRun() {
        ScheduleExpression past = ScheduleExpression.parse("cron(0 0 1 1 ? 2020)", ZoneOffset.UTC);
        assertThat(past.nextAfter(CREATED, CREATED)).isEmpty();
    }

    @Test
    void cron_inTimeZone_firesAtLocalTimeAcrossDaylightSaving() {
        ScheduleExpression nightly = ScheduleExpression.parse("cron(0 2 * * ? *)", ZoneId.of("Europe/Berlin"));
        // Winter: 02:00 in Berlin is 01:00 UTC.
        assertThat(nightly.nextAfter(Instant.parse("2026-11-23T00:00:00Z"), CREATED))
                .contains(Instant.parse("2026-11-23T01:00:00Z"));
        // Summer: 02:00 in Berlin is 00:00 UTC.
        assertThat(nightly.nextAfter(Instant.parse("2027-07-01T03:00:00Z"), CREATED))
                .contains(Instant.parse("2027-07-02T00:00:00Z"));
    }

    @Test
    void cron_dueBetween_countsEveryFiring() {
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 12 * * ? *)", ZoneOffset.UTC);
        ScheduleExpression.DueRuns due = daily.dueBetween(CREATED, CREATED.plus(Duration.ofDays(30)), CREATED);
        assertThat(due.count()).isEqualTo(30);
        assertThat(due.latest()).isEqualTo(Instant.parse("2026-12-22T12:00:00Z"));
    }

    @Test
    void at_firesOnceInItsZone() {
        ScheduleExpression once = ScheduleExpression.parse("at(2026-12-01T09:00:00)", ZoneId.of("Europe/Berlin"));
        assertThat(once.nextAfter(CREATED, CREATED)).contains(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(once.nextAfter(Instant.parse("2026-12-01T08:00:00Z"), CREATED)).isEmpty();
    }
}
