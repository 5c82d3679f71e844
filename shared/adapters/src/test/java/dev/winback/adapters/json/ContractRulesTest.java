package dev.winback.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The date regexes stand in for a calendar (so the schema can check dates without {@code format}):
 * here they are compared with java.time over every candidate string, not just a few examples.
 */
class ContractRulesTest {

    private static final Pattern BIRTHDAY = JsonSchemaRegex.compile(ContractRules.BIRTHDAY_PATTERN);
    private static final Pattern INSTANT = JsonSchemaRegex.compile(ContractRules.INSTANT_PATTERN);

    @Test
    void birthdayPattern_withoutYear_acceptsExactlyTheRealMonthDays() {
        for (int month = 0; month <= 13; month++) {
            for (int day = 0; day <= 32; day++) {
                String monthDay = "%02d-%02d".formatted(month, day);
                boolean real = isRealDate(2024, month, day); // a leap year, so 02-29 counts
                assertThat(BIRTHDAY.matcher(monthDay).find()).as(monthDay).isEqualTo(real);
            }
        }
    }

    @Test
    void datePatterns_withYear_acceptExactlyTheRealDatesFrom1900To2999() {
        for (int year = 1890; year <= 3010; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 28; day <= 31; day++) {
                    String date = "%04d-%02d-%02d".formatted(year, month, day);
                    boolean expected = year >= 1900 && year <= 2999 && isRealDate(year, month, day);
                    assertThat(BIRTHDAY.matcher(date).find()).as(date).isEqualTo(expected);
                    assertThat(INSTANT.matcher(date + "T00:00:00Z").find()).as(date).isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:30Z", "2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.123456789Z",
            "2026-11-23T10:15:30+14:59", "2026-11-23T10:15:30-12:00", "2026-11-23T10:15:30-00:00", "2024-02-29T00:00:00Z",
            "1900-01-01T00:00:00+14:00", "2999-12-31T23:59:59-14:59"})
    void instantPattern_acceptsWhatJavaTimeReads(String text) {
        assertThat(INSTANT.matcher(text).find()).isTrue();
        assertThat(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:30", "2026-11-23t10:15:30z", "2026-11-23 10:15:30Z", "2026-11-23T10:15Z",
            "2026-11-23T24:00:00Z", "2026-11-23T10:15:60Z", "2026-11-23T10:15:30.Z", "2026-11-23T10:15:30.1234567890Z",
            "2026-11-23T10:15:30+15:00", "2026-11-23T10:15:30+0200", "2026-11-23T10:15:30Z\n", "+2026-11-23T10:15:30Z"})
    void instantPattern_refusesWhatIsNotRfc3339(String text) {
        assertThat(ContractRules.OCCURRED_AT.accepts(text)).isFalse();
    }

    @Test
    void timezoneRule_acceptsEveryRegionTheJvmKnowsAndNoOffsets() {
        assertThat(ZoneId.getAvailableZoneIds()).allSatisfy(zone -> assertThat(ContractRules.TIMEZONE.accepts(zone)).as(zone).isTrue());
        assertThat(ContractRules.TIMEZONE.accepts("+02:00")).isFalse();
        assertThat(ContractRules.TIMEZONE.accepts("Z")).isFalse();
        assertThat(ContractRules.TIMEZONE.accepts("UTC+2")).isFalse();
        assertThat(ContractRules.TIMEZONE.accepts("Mars/Olympus_Mons")).isFalse();
    }

    @Test
    void textRules_countCharactersAsCodePointsLikeJsonSchema() {
        String emoji = "\uD83D\uDED2"; // one character, two UTF-16 units
        assertThat(ContractRules.NAME.accepts(emoji.repeat(ContractRules.MAX_NAME_LENGTH))).isTrue();
        assertThat(ContractRules.NAME.accepts(emoji.repeat(ContractRules.MAX_NAME_LENGTH + 1))).isFalse();
    }

    @Test
    void customerIdRule_allowsAtSignsButNotEmailAddresses() {
        assertThat(ContractRules.CUSTOMER_ID.accepts("tenant-7@c-000123")).isTrue();
        assertThat(ContractRules.CUSTOMER_ID.accepts("shop:eu.c-000123")).isTrue();
        assertThat(ContractRules.CUSTOMER_ID.accepts("c-000123@example.com")).isFalse();
    }

    private static boolean isRealDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
