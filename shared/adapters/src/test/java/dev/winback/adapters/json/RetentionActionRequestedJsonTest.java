package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionActionRequestedJsonTest {

    private static final JsonNode SAMPLE = TestResources.json(TestResources.text("playbook/retention-action-requested.json"));

    @Test
    void toDetail_writesTheSampleShape() {
        Instant since = Instant.parse("2026-11-20T08:00:00Z");
        ActionRequest request = new ActionRequest(
                ActionRequest.idempotencyKey("c-000123", SignalType.EMAIL_WITHDRAWN, since,
                        RetentionAction.PERMISSION_RENEWAL, "email-permission-renewal"),
                "c-000123", SignalType.EMAIL_WITHDRAWN, since, "unsubscribed from email 3 days ago",
                RetentionAction.PERMISSION_RENEWAL, "email-permission-renewal",
                List.of(Channel.IN_APP, Channel.PUSH, Channel.SMS), Purpose.MARKETING,
                Instant.parse("2026-11-23T10:15:30Z"), new PlaybookVersion(2026, 11, 1));

        assertThat(TestResources.json(RetentionActionRequestedJson.toDetail(request))).isEqualTo(SAMPLE);
    }

    @Test
    void toDetail_whenTheActionIsNotAMessage_writesAnEmptyPlanAndKeepsSubSecondTimes() {
        Instant since = Instant.parse("2026-11-20T08:00:00.123456789Z");
        ActionRequest request = new ActionRequest("k", "c-9", SignalType.APP_UNINSTALLED, since, "uninstalled \"the\" app",
                RetentionAction.AD_AUDIENCE, "recent-uninstallers", List.of(), Purpose.MARKETING, since,
                new PlaybookVersion(2027, 1, 3));

        JsonNode detail = TestResources.json(RetentionActionRequestedJson.toDetail(request));

        assertThat(detail.get("channelPlan").isArray()).isTrue();
        assertThat(detail.get("channelPlan")).isEmpty();
        assertThat(detail.at("/signal/since").textValue()).isEqualTo("2026-11-20T08:00:00.123456789Z");
        assertThat(detail.at("/signal/explanation").textValue()).isEqualTo("uninstalled \"the\" app");
        assertThat(detail.get("playbookVersion").textValue()).isEqualTo("2027-01-3");
        assertThat(detail.get("action").textValue()).isEqualTo("ad_audience");
    }

    @Test
    void fromDetail_readsBackWhatToDetailWrote() {
        Instant since = Instant.parse("2026-11-20T08:00:00.5Z");
        ActionRequest request = new ActionRequest("k-1", "c-7", SignalType.MESSAGES_IGNORED, since, "email: 9 sends",
                RetentionAction.CROSS_CHANNEL_RETARGET, "retarget", List.of(Channel.IN_APP, Channel.SMS),
                Purpose.TRANSACTIONAL, Instant.parse("2026-11-23T10:15:30Z"), new PlaybookVersion(2026, 11, 2));

        assertThat(RetentionActionRequestedJson.fromDetail(RetentionActionRequestedJson.toDetail(request)))
                .isEqualTo(request);
    }
}
