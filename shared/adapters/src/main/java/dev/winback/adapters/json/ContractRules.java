package dev.winback.adapters.json;

import dev.winback.adapters.json.TextRule.Shape;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Set;

/**
 * Every limit of event contract v1, in one place. The JSON Schemas under {@code events/schema/}
 * state the same limits with the same regexes; a contract test compares the two, so change both
 * together (and think about senders: tightening a rule breaks them).
 */
public final class ContractRules {

    private ContractRules() {
    }

    // ---- identifiers -------------------------------------------------------------------------

    public static final int MAX_ID_LENGTH = 128;
    public static final String ID_PATTERN = "^[A-Za-z0-9._:@-]{1,128}$";
    /** A customerId shaped like this is an email address, which must never reach logs or keys. */
    public static final String EMAIL_SHAPED_PATTERN = "^[^@]+@[^@]+\\.[^@]+$";

    public static final TextRule EVENT_ID = TextRule.of(MAX_ID_LENGTH,
            Shape.matching(ID_PATTERN, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -"));
    public static final TextRule CUSTOMER_ID = TextRule.of(MAX_ID_LENGTH,
            Shape.matching(ID_PATTERN, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -"),
            Shape.notMatching(EMAIL_SHAPED_PATTERN,
                    "must be an opaque customer id, not an email address (it is written to logs and metrics)"));

    // ---- free text ---------------------------------------------------------------------------

    public static final String NO_CONTROL_CHARACTERS_PATTERN = "^[^\\x00-\\x1F\\x7F]+$";
    /** Found in any string with at least one character that is not a space or a control character. */
    public static final String NOT_BLANK_PATTERN = "[^\\x00-\\x20\\x7F]";
    /** Names of things: storeId, orderId, messageId, sku, category. */
    public static final int MAX_NAME_LENGTH = 128;
    /** Short labels: order status, membership tier, consent source and wording version. */
    public static final int MAX_LABEL_LENGTH = 64;

    public static final TextRule NAME = freeText(MAX_NAME_LENGTH);
    public static final TextRule LABEL = freeText(MAX_LABEL_LENGTH);

    private static TextRule freeText(int maxLength) {
        return TextRule.of(maxLength,
                Shape.matching(NO_CONTROL_CHARACTERS_PATTERN, "must not contain control characters such as line breaks"),
                Shape.matching(NOT_BLANK_PATTERN, "must not be blank"));
    }

    // ---- time --------------------------------------------------------------------------------

    /** Years 1900 to 2999: earlier or later values are broken clocks or placeholders, not events. */
    static final String YEAR = "(?:19|2[0-9])[0-9]{2}";
    static final String LEAP_YEAR = "(?:(?:19|2[0-9])(?:0[48]|[2468][048]|[13579][26])|2000|2400|2800)";
    /** Every real month-day except 02-29, which needs a leap year (or no year at all). */
    static final String MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
            + "|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)";
    static final String DATE = "(?:" + YEAR + "-" + MONTH_DAY + "|" + LEAP_YEAR + "-02-29)";

    /**
     * RFC 3339 with an upper-case T, Z or an offset up to ±14:59 (the real range; java.time stops at
     * ±18:00), up to nanoseconds, no leap second. The regex alone guarantees a real calendar date,
     * so a schema validator that ignores {@code format} still refuses 2026-02-30.
     */
    public static final String INSTANT_PATTERN = "^" + DATE
            + "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])$";
    public static final int MAX_INSTANT_LENGTH = 35;
    public static final String INSTANT_MESSAGE =
            "must be an ISO-8601 instant with Z or an offset, such as 2026-11-23T10:15:30Z";
    public static final TextRule OCCURRED_AT = TextRule.of(MAX_INSTANT_LENGTH,
            Shape.matching(INSTANT_PATTERN, INSTANT_MESSAGE));

    // ---- money -------------------------------------------------------------------------------

    public static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
    public static final TextRule CURRENCY = TextRule.of(3,
            Shape.matching(CURRENCY_PATTERN, "must be an ISO 4217 code of three upper-case letters, such as EUR"));
    /** Three-decimal currencies (KWD, BHD) fit, with one more place for unit prices. */
    public static final int MAX_DECIMAL_PLACES = 4;
    /** Exclusive: amounts are below one trillion, which keeps them exact in any sane storage. */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");
    public static final int MAX_ITEMS = 100;
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 10_000;

    // ---- profile -----------------------------------------------------------------------------

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final String EMAIL_PATTERN =
            "^[^@\\x00-\\x20\\x7F]+@[^@\\x00-\\x20\\x7F]+\\.[^@\\x00-\\x20\\x7F]+$";
    public static final TextRule EMAIL = TextRule.of(MAX_EMAIL_LENGTH,
            Shape.matching(EMAIL_PATTERN, "must be an email address such as name@example.com"));

    /** Consent evidence: the address a request came from, IPv4 or IPv6 in text form. */
    public static final int MAX_IP_ADDRESS_LENGTH = 45;
    public static final String IP_ADDRESS_PATTERN = "^[0-9A-Fa-f:.]{2,45}$";
    public static final TextRule IP_ADDRESS = TextRule.of(MAX_IP_ADDRESS_LENGTH,
            Shape.matching(IP_ADDRESS_PATTERN, "must be an IPv4 or IPv6 address such as 192.0.2.1"));

    public static final String PHONE_PATTERN = "^\\+[1-9]\\d{1,14}$";
    public static final TextRule PHONE = TextRule.of(16,
            Shape.matching(PHONE_PATTERN, "must be an E.164 phone number such as +15550100123"));

    public static final int MAX_TIMEZONE_LENGTH = 64;
    public static final String TIMEZONE_PATTERN = "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$";
    private static final String TIMEZONE_MESSAGE =
            "must be an IANA time-zone name such as Europe/Madrid (offsets such as +02:00 do not follow daylight saving time)";
    /** Region ids of the tz database this JVM ships; the schema can only check their shape. */
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();
    public static final TextRule TIMEZONE = TextRule.of(MAX_TIMEZONE_LENGTH,
            Shape.matching(TIMEZONE_PATTERN, TIMEZONE_MESSAGE),
            new Shape(IANA_ZONES::contains, TIMEZONE_MESSAGE));

    public static final int MAX_LOCALE_LENGTH = 35;
    public static final String LOCALE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";
    public static final TextRule LOCALE = TextRule.of(MAX_LOCALE_LENGTH,
            Shape.matching(LOCALE_PATTERN, "must be a BCP 47 language tag such as es-ES"));

    /** MM-DD or YYYY-MM-DD; a real date. 02-29 without a year is a birthday like any other. */
    public static final String BIRTHDAY_PATTERN = "^(?:" + DATE + "|" + MONTH_DAY + "|02-29)$";
    public static final TextRule BIRTHDAY = TextRule.of(10,
            Shape.matching(BIRTHDAY_PATTERN,
                    "must be a real date as MM-DD or YYYY-MM-DD (years 1900 to 2999), such as 04-17 or 1990-04-17"));

    /** FCM tokens run to a few hundred characters and SNS endpoint ARNs to about 200. */
    public static final int MAX_PUSH_ENDPOINT_LENGTH = 2048;
    public static final String PUSH_ENDPOINT_PATTERN = "^[\\x21-\\x7E]+$";
    public static final TextRule PUSH_ENDPOINT = TextRule.of(MAX_PUSH_ENDPOINT_LENGTH,
            Shape.matching(PUSH_ENDPOINT_PATTERN,
                    "must be printable ASCII without spaces (an SNS endpoint ARN or a device token)"));

    // ---- preferences -------------------------------------------------------------------------

    /** The send log keeps this many sends, so no personal limit can be higher (0 removes the limit). */
    public static final int MAX_PER_WEEK = 16;
    public static final String LOCAL_TIME_PATTERN = "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$";
    public static final TextRule LOCAL_TIME = TextRule.of(5,
            Shape.matching(LOCAL_TIME_PATTERN, "must be a local time as HH:MM (24 hours), such as 21:00"));
    public static final java.util.List<String> QUIET_HOURS_FIELDS = java.util.List.of("start", "end");

    // ---- reviews and interest questions --------------------------------------------------------

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    /** A question names a profile attribute, which journeys' conditions name in turn. */
    public static final String QUESTION_PATTERN = "^[a-z][a-zA-Z0-9_-]{0,63}$";
    public static final int MAX_QUESTION_LENGTH = 64;
    public static final TextRule QUESTION = TextRule.of(MAX_QUESTION_LENGTH,
            Shape.matching(QUESTION_PATTERN,
                    "must be a name of 1 to 64 characters of a-z A-Z 0-9 _ - starting with a-z, such as favouriteSport"));
    /** An answer is a choice or a short phrase, kept on the profile: not a free-form comment. */
    public static final int MAX_ANSWER_LENGTH = 200;
    public static final TextRule ANSWER = freeText(MAX_ANSWER_LENGTH);

    // ---- requests ----------------------------------------------------------------------------

    public static final int MAX_EVENTS_PER_REQUEST = 500;
}
