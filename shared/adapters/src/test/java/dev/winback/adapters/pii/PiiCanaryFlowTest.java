package dev.winback.adapters.pii;

import dev.winback.core.feedback.FeedbackNotice;
import dev.winback.adapters.sns.FeedbackNotifications;
import dev.winback.adapters.json.EventJsonParser;
import dev.winback.core.ingest.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the canary values through the parsing paths of this module, valid and invalid (so error
 * messages, which must never repeat a value, are produced too), then logs what the code would log.
 */
class PiiCanaryFlowTest {

    private static final Logger LOG = Logger.getLogger(PiiCanaryFlowTest.class.getName());

    @Test
    void canaries_flowThroughParsing_andOnlyKindsAndFieldNamesAreLogged() {
        EventJsonParser parser = new EventJsonParser();
        String valid = """
                {"eventId":"pii-1","customerId":"c-pii","type":"profile_updated","occurredAt":"2026-11-20T10:00:00Z",
                 "properties":{"email":"%s","phone":"%s"}}""".formatted(PiiCanaries.EMAIL, PiiCanaries.PHONE);
        String invalid = """
                {"eventId":"pii-2","customerId":"%s","type":"profile_updated","occurredAt":"2026-11-20T10:00:00Z",
                 "properties":{"email":"not %s","phone":"%sx"}}""".formatted(PiiCanaries.EMAIL, PiiCanaries.EMAIL,
                PiiCanaries.PHONE);
        ParseResult ok = parser.parseMessageBody(valid);
        ParseResult bad = parser.parseMessageBody(invalid);
        assertThat(ok).isInstanceOf(ParseResult.Parsed.class);
        assertThat(bad).isInstanceOf(ParseResult.Invalid.class);
        ((ParseResult.Invalid) bad).errors().forEach(e -> LOG.warning(e.field() + ": " + e.message()));

        String sms = "{\"originationNumber\":\"" + PiiCanaries.PHONE + "\",\"destinationNumber\":\"+15550100100\","
                + "\"messageBody\":\"" + PiiCanaries.SMS_TEXT + "\",\"inboundMessageId\":\"in-1\"}";
        FeedbackNotice notice = FeedbackNotifications.read(sms);
        assertThat(notice).isInstanceOf(FeedbackNotice.InboundSms.class);
        LOG.log(Level.INFO, "notice kind {0}", notice.getClass().getSimpleName());
    }

    @Test
    void aSurveyAnswer_isPersonalData_andOnlyItsFieldNamesAreLogged() {
        EventJsonParser parser = new EventJsonParser();
        String answer = """
                {"eventId":"pii-3","customerId":"c-pii","type":"survey_answered","occurredAt":"2026-11-20T10:00:00Z",
                 "properties":{"question":"contactNote","answer":"%s"}}""";
        ParseResult ok = parser.parseMessageBody(answer.formatted(PiiCanaries.SMS_TEXT));
        ParseResult bad = parser.parseMessageBody(answer.formatted(PiiCanaries.SMS_TEXT + " " + "x".repeat(200)));
        assertThat(ok).isInstanceOf(ParseResult.Parsed.class);
        assertThat(bad).isInstanceOf(ParseResult.Invalid.class);
        ((ParseResult.Invalid) bad).errors().forEach(e -> LOG.warning(e.field() + ": " + e.message()));
        LOG.log(Level.INFO, "applied a {0}", ((ParseResult.Parsed) ok).event().type());
    }
}
