package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.ParseResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Advertising is a consent purpose of contract v1: granted and withdrawn like marketing, never sent for. */
class AdvertisingConsentContractTest {

    private final EventJsonParser parser = new EventJsonParser();

    @Test
    void advertisingGrant_whenSampleIsRead_isValidAndParsesToAnAdvertisingConsent() {
        ObjectNode sample = (ObjectNode) SampleEvents.fixture("engagement-consent_changed-advertising.json");

        assertThat(ContractSchemas.eventViolations(sample)).isEmpty();
        ParseResult parsed = parser.parse(sample);
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        EventPayload.ConsentChanged consent = (EventPayload.ConsentChanged) ((ParseResult.Parsed) parsed).event().payload();
        assertThat(consent.purpose()).isEqualTo(Purpose.ADVERTISING);
        assertThat(consent.granted()).isTrue();
    }

    @Test
    void advertisingWithdrawal_whenParsed_isAConsentWithdrawn() {
        ObjectNode withdrawal = (ObjectNode) SampleEvents.fixture("engagement-consent_changed-advertising.json");
        ((ObjectNode) withdrawal.get("properties")).put("granted", false);

        assertThat(ContractSchemas.eventViolations(withdrawal)).isEmpty();
        EventPayload.ConsentChanged consent = (EventPayload.ConsentChanged)
                ((ParseResult.Parsed) parser.parse(withdrawal)).event().payload();
        assertThat(consent.purpose()).isEqualTo(Purpose.ADVERTISING);
        assertThat(consent.granted()).isFalse();
    }

    @Test
    void messageSent_whenPurposeIsAdvertising_isRefusedBySchemaAndParser() {
        ObjectNode sent = SampleEvents.sample("message_sent");
        ((ObjectNode) sent.get("properties")).put("purpose", "advertising");

        assertThat(ContractSchemas.eventViolations(sent)).isNotEmpty();
        assertThat(parser.parse(sent)).isInstanceOf(ParseResult.Invalid.class);
    }
}
