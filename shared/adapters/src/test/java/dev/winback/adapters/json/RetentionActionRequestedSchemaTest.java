package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.winback.adapters.json.MessageSchemas.RETENTION_ACTION_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schema of RetentionActionRequested (bus detail and delivery queue body) against what
 * {@link RetentionActionRequestedJson} writes: every action and signal validates, broken details do not.
 */
class RetentionActionRequestedSchemaTest {

    private static final Instant SINCE = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void everyActionAndSignalTheEvaluatorCanRequest_validates() {
        int checked = 0;
        for (RetentionAction action : RetentionAction.values()) {
            for (SignalType signal : SignalType.values()) {
                List<Channel> plan = action.needsChannels() ? List.copyOf(action.usableChannels()) : List.of();
                Purpose purpose = checked % 2 == 0 ? Purpose.MARKETING : Purpose.TRANSACTIONAL;
                Instant since = SINCE.plusNanos(checked * 1_000_001L);
                String detail = RetentionActionRequestedJson.toDetail(new ActionRequest(
                        ActionRequest.idempotencyKey("c-" + checked, signal, since, action, "campaign-" + checked),
                        "tenant-7@c-" + checked, signal, since, "why \"quoted\", ünïcode", action, "campaign-" + checked,
                        plan, purpose, since.plusSeconds(3600), new PlaybookVersion(2026, 1 + checked % 12, 1 + checked)));
                assertThat(MessageSchemas.violations(RETENTION_ACTION_REQUESTED, detail)).as(detail).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(RetentionAction.values().length * SignalType.values().length);
    }

    @Test
    void theDocumentedSample_validates() {
        assertThat(MessageSchemas.violations(RETENTION_ACTION_REQUESTED,
                TestResources.text("playbook/retention-action-requested.json"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"schemaVersion\": 1,|\"schemaVersion\": 2,",
            "\"idempotencyKey\": \"a13c07ce|\"idempotencyKey\": \"A13C07CE",
            "\"customerId\": \"c-000123\"|\"customerId\": \"ana@example.com\"",
            "\"type\": \"email_withdrawn\"|\"type\": \"email_gone\"",
            "\"since\": \"2026-11-20T08:00:00Z\"|\"since\": \"2026-11-20T08:00:00\"",
            "\"action\": \"permission_renewal\"|\"action\": \"PERMISSION_RENEWAL\"",
            "[\"in_app\", \"push\", \"sms\"]|[\"in_app\", \"fax\"]",
            "\"purpose\": \"marketing\"|\"purpose\": \"sales\"",
            "\"requestedAt\": \"2026-11-23T10:15:30Z\"|\"requestedAt\": 1795428930",
            "\"playbookVersion\": \"2026-11-1\"|\"playbookVersion\": \"2026-13-1\"",
            "\"campaignId\": \"email-permission-renewal\",|",
            "\"purpose\": \"marketing\",|\"purpose\": \"marketing\", \"priority\": 1,",
    })
    void aBrokenDetail_isRefused(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String sample = TestResources.text("playbook/retention-action-requested.json");
        assertThat(sample).contains(fromTo[0]);

        assertThat(MessageSchemas.violations(RETENTION_ACTION_REQUESTED, sample.replace(fromTo[0], fromTo[1])))
                .as(edit).isNotEmpty();
    }

    @Test
    void theSchemasNames_areTheCodesWireNames() {
        assertThat(MessageSchemas.enumAt(RETENTION_ACTION_REQUESTED, "/properties/action"))
                .isEqualTo(wireNames(RetentionAction.values(), RetentionAction::wireName));
        assertThat(MessageSchemas.enumAt(RETENTION_ACTION_REQUESTED, "/properties/signal/properties/type"))
                .isEqualTo(wireNames(SignalType.values(), SignalType::wireName));
        assertThat(MessageSchemas.enumAt(RETENTION_ACTION_REQUESTED, "/$defs/channel"))
                .isEqualTo(wireNames(Channel.values(), Channel::wireName));
        assertThat(MessageSchemas.enumAt(RETENTION_ACTION_REQUESTED, "/properties/purpose"))
                .isEqualTo(wireNames(Purpose.OF_MESSAGES.toArray(Purpose[]::new), Purpose::wireName));
    }

    static <E> Set<String> wireNames(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).collect(Collectors.toCollection(TreeSet::new));
    }
}
