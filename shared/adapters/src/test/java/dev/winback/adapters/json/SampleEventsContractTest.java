package dev.winback.adapters.json;

import dev.winback.core.ingest.ParseResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.EventPayload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample in {@code events/} is valid by the schema and by the parser, as the right record. */
class SampleEventsContractTest {

    private static final Map<String, Class<? extends EventPayload>> PAYLOAD_BY_TYPE = Map.ofEntries(
            Map.entry("session_started", EventPayload.SessionStarted.class),
            Map.entry("store_visited", EventPayload.StoreVisited.class),
            Map.entry("purchase_completed", EventPayload.PurchaseCompleted.class),
            Map.entry("order_status_changed", EventPayload.OrderStatusChanged.class),
            Map.entry("message_sent", EventPayload.MessageSent.class),
            Map.entry("message_delivered", EventPayload.MessageFeedback.class),
            Map.entry("message_opened", EventPayload.MessageFeedback.class),
            Map.entry("message_clicked", EventPayload.MessageFeedback.class),
            Map.entry("message_converted", EventPayload.MessageFeedback.class),
            Map.entry("message_failed", EventPayload.MessageFailed.class),
            Map.entry("push_permission_changed", EventPayload.PushPermissionChanged.class),
            Map.entry("email_subscription_changed", EventPayload.EmailSubscriptionChanged.class),
            Map.entry("sms_subscription_changed", EventPayload.SmsSubscriptionChanged.class),
            Map.entry("membership_changed", EventPayload.MembershipChanged.class),
            Map.entry("app_installed", EventPayload.AppInstalled.class),
            Map.entry("app_uninstalled", EventPayload.AppUninstalled.class),
            Map.entry("profile_updated", EventPayload.ProfileUpdated.class),
            Map.entry("consent_changed", EventPayload.ConsentChanged.class),
            Map.entry("preferences_changed", EventPayload.PreferencesChanged.class),
            Map.entry("review_submitted", EventPayload.ReviewSubmitted.class),
            Map.entry("survey_answered", EventPayload.SurveyAnswered.class));

    private final EventJsonParser parser = new EventJsonParser();

    static Stream<Path> samples() {
        return SampleEvents.files().stream();
    }

    @Test
    void samples_whenListed_coverEveryTypeOfTheContractOnce() {
        List<String> sampled = SampleEvents.files().stream().map(SampleEvents::typeOf).sorted().toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventType.wireNames());
        assertThat(PAYLOAD_BY_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(EventType.wireNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample_whenValidatedAgainstTheSchema_hasNoViolations(Path sample) {
        JsonNode event = SampleEvents.readJson(RepositoryRoot.read(sample));
        assertThat(ContractSchemas.eventViolations(event)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sample_whenParsed_becomesThePayloadRecordOfItsType(Path sample) {
        String type = SampleEvents.typeOf(sample);
        ParseResult result = parser.parse(RepositoryRoot.read(sample));

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Parsed parsed = (ParseResult.Parsed) result;
        assertThat(parsed.event().payload()).isExactlyInstanceOf(PAYLOAD_BY_TYPE.get(type));
        assertThat(parsed.event().type()).isEqualTo(type);
    }
}
