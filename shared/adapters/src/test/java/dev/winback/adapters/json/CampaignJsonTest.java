package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.campaign.Campaign;
import dev.winback.core.campaign.CampaignSchedule;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCampaignReadsWithItsDefaultsAndItsStoredFormReadsBackTheSame() throws Exception {
        CampaignJson.Reading reading = CampaignJson.read(JSON.readTree("""
                {"id": "holiday-2026", "segmentId": "premium-cancelled", "templateId": "holiday-offer",
                 "channels": ["push", "email"], "purpose": "marketing", "localTime": "2026-12-08T10:00",
                 "testRecipients": ["c-staff-1"]}"""));

        Campaign campaign = ((CampaignJson.Reading.Read) reading).campaign();
        assertThat(campaign).isEqualTo(new Campaign("holiday-2026", "premium-cancelled", "holiday-offer",
                List.of(Channel.PUSH, Channel.EMAIL), Purpose.MARKETING, MessageCategory.PROMOTIONS,
                new CampaignSchedule.AtLocalTime(LocalDateTime.parse("2026-12-08T10:00")), CampaignJson.DEFAULT_RATE,
                List.of("c-staff-1")));
        assertThat(CampaignJson.readDefinition(CampaignJson.definition(campaign))).isEqualTo(campaign);
    }

    @Test
    void aTransactionalCampaignAtOnceIsAnOrderUpdate() throws Exception {
        Campaign campaign = ((CampaignJson.Reading.Read) CampaignJson.read(JSON.readTree("""
                {"id": "recall", "segmentId": "buyers", "templateId": "order-shipped", "purpose": "transactional",
                 "ratePerSecond": 5}"""))).campaign();
        assertThat(campaign.category()).isEqualTo(MessageCategory.ORDER_UPDATES);
        assertThat(campaign.schedule()).isEqualTo(new CampaignSchedule.AtOnce());
        assertThat(campaign.channels()).isEmpty();
        assertThat(CampaignJson.readDefinition(CampaignJson.definition(campaign))).isEqualTo(campaign);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() throws Exception {
        JsonNode body = JSON.readTree("""
                {"id": "Holiday!", "templateId": "x", "channels": ["email", "fax", "email"], "purpose": "spam",
                 "localTime": "2026-02-30T10:00", "ratePerSecond": 0, "testRecipients": "c-1", "colour": "red"}""");

        CampaignJson.Reading reading = CampaignJson.read(body);

        assertThat(reading).isInstanceOf(CampaignJson.Reading.Invalid.class);
        assertThat(((CampaignJson.Reading.Invalid) reading).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("colour", "id", "segmentId", "channels[1]", "purpose", "localTime",
                        "ratePerSecond", "testRecipients");
    }

    @Test
    void aChannelNamedTwiceIsRefused() throws Exception {
        CampaignJson.Reading reading = CampaignJson.read(JSON.readTree("""
                {"id": "a", "segmentId": "b", "templateId": "c", "purpose": "marketing", "channels": ["sms", "sms"]}"""));
        assertThat(((CampaignJson.Reading.Invalid) reading).errors()).extracting(FieldError::field).containsExactly("channels");
    }
}
