package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.segment.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentDefinitionParserTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(TestResources.json(TestResources.text("winback/schemas/segment-definition.schema.json")));
    private final SegmentDefinitionParser parser = new SegmentDefinitionParser();

    private static List<String> violations(String text) {
        return SCHEMA.validate(TestResources.json(text)).stream().map(Object::toString).toList();
    }

    @Test
    void theShippedExamplesReadAndMeetTheSchema() {
        for (String id : SegmentDefinitionParser.SHIPPED) {
            String text = TestResources.text(SegmentDefinitionParser.SHIPPED_DIRECTORY + id + ".json");
            Checked<SegmentDefinition> read = parser.read(text);
            assertInstanceOf(Checked.Valid.class, read, () -> id + ": " + read);
            assertEquals(id, ((Checked.Valid<SegmentDefinition>) read).value().id());
            assertEquals(List.of(), violations(text), id);
        }
    }

    @Test
    void premiumCancelledHoldsForACancelledPremiumMember() {
        SegmentDefinition premiumCancelled = ((Checked.Valid<SegmentDefinition>) parser.read(TestResources.text(
                SegmentDefinitionParser.SHIPPED_DIRECTORY + "premium-cancelled.json"))).value();
        Instant at = Instant.parse("2026-05-01T00:00:00Z");
        EngagementRecord cancelled = RecordUpdate.apply(EngagementRecord.empty("c1"), List.of(new EngagementEvent("e1", "c1",
                at, Optional.empty(), new EventPayload.MembershipChanged("premium", MembershipStatus.CANCELLED))), Map.of()).record();
        assertTrue(premiumCancelled.matches(cancelled, at));
        assertFalse(premiumCancelled.matches(EngagementRecord.empty("c2"), at));
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String text = """
                {"id": "Bad Id", "match": "some", "colour": "red", "conditions": [
                  {"type": "membership", "statuses": ["lapsed"], "forAtLeast": "-P1D"},
                  {"type": "consent", "channel": "fax", "purpose": "marketing", "state": "maybe"},
                  {"type": "teleport"},
                  {"type": "not", "condition": {"type": "purchased", "within": "90 days"}},
                  {"type": "orders", "min": 0, "extra": true}
                ]}""";
        Checked<SegmentDefinition> read = parser.read(text);
        List<String> where = ((Checked.Invalid<SegmentDefinition>) read).problems().stream().map(JourneyProblem::where).toList();
        assertEquals(List.of("colour", "id", "name", "match", "conditions[0].statuses", "conditions[0].forAtLeast",
                "conditions[1].channel", "conditions[1].state", "conditions[2].type",
                "conditions[3].condition.within", "conditions[4].extra", "conditions[4].min"), where);
        assertFalse(violations(text).isEmpty(), "the schema refuses it too");
    }

    @Test
    void theSchemaAndTheParserAgreeOnEachConditionType() {
        List<String> valid = List.of(
                "{\"type\": \"lifecycle\", \"states\": [\"at_risk\"], \"forAtLeast\": \"P7D\"}",
                "{\"type\": \"signal\", \"signal\": \"app_uninstalled\", \"atLeast\": \"strong\"}",
                "{\"type\": \"reachable\", \"channel\": \"sms\"}",
                "{\"type\": \"platform\", \"platform\": \"app\", \"within\": \"PT12H\"}",
                "{\"type\": \"appInstalled\"}",
                "{\"type\": \"spend\", \"currency\": \"EUR\", \"min\": 99.5}",
                "{\"type\": \"locale\", \"in\": [\"de\"]}",
                "{\"type\": \"country\", \"in\": [\"DE\", \"at\"]}",
                "{\"type\": \"timeZone\", \"in\": [\"Europe/Berlin\"]}",
                "{\"type\": \"attribute\", \"name\": \"pet\", \"in\": [\"dog\"]}",
                "{\"type\": \"exposed\", \"unit\": \"winback-email\", \"groups\": [\"held_out\"]}");
        List<String> invalid = List.of(
                "{\"type\": \"lifecycle\", \"states\": []}",
                "{\"type\": \"spend\", \"currency\": \"eur\", \"min\": 1}",
                "{\"type\": \"country\", \"in\": [\"DEU\"]}",
                "{\"type\": \"platform\", \"platform\": \"tv\"}",
                "{\"type\": \"appInstalled\", \"since\": \"P1D\"}",
                "{\"type\": \"purchased\", \"within\": \"P1DT-1H\"}",
                "{\"type\": \"purchased\", \"within\": \"P2W\"}");
        for (String condition : valid) {
            String text = "{\"id\": \"s\", \"name\": \"S\", \"conditions\": [" + condition + "]}";
            assertInstanceOf(Checked.Valid.class, parser.read(text), condition);
            assertEquals(List.of(), violations(text), condition);
        }
        for (String condition : invalid) {
            String text = "{\"id\": \"s\", \"name\": \"S\", \"conditions\": [" + condition + "]}";
            assertInstanceOf(Checked.Invalid.class, parser.read(text), condition);
            assertFalse(violations(text).isEmpty(), condition);
        }
    }
}
