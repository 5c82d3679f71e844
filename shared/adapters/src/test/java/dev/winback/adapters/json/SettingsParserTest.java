package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.regex.RegularExpressionFactory;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.FrequencyCap;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.guardrail.GuardrailPolicy;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.lifecycle.LifecyclePolicy;
import dev.winback.core.settings.Settings;
import dev.winback.core.sunset.SunsetPolicies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsParserTest {

    private static final String SHIPPED = TestResources.text(SettingsParser.SHIPPED);
    private final SettingsParser parser = new SettingsParser();

    @Test
    void theShippedSettings_areTodaysDefaults() {
        Settings shipped = valid(SHIPPED);

        assertThat(shipped).isEqualTo(Settings.defaults());
        assertThat(shipped.delivery(DeliveryPolicy.defaults())).isEqualTo(DeliveryPolicy.defaults());
        assertThat(shipped.sunsets()).isEqualTo(SunsetPolicies.defaults());
        assertThat(shipped.lifecycle()).isEqualTo(LifecyclePolicy.defaults());
        var playbook = new PlaybookLoader().shipped();
        assertThat(shipped.evaluation(playbook)).isEqualTo(EvaluationPolicy.defaults(playbook));
    }

    @Test
    void theShippedSettings_followTheirSchema() {
        assertThat(schemaViolations(TestResources.json(SHIPPED))).isEmpty();
    }

    @Test
    void aLowerCap_aShorterReceiptWait_andAnotherZone_areRead() {
        Settings read = valid(SHIPPED.replace("\"global\": [{\"max\": 1, \"window\": \"P1D\"}, {\"max\": 3, \"window\": \"P7D\"}]",
                        "\"global\": [{\"max\": 1, \"window\": \"P3D\"}]")
                .replace("\"PT4H\"", "\"PT30M\"").replace("\"UTC\"", "\"Europe/Madrid\""));

        assertThat(read.globalCaps()).containsExactly(new FrequencyCap(1, Duration.ofDays(3)));
        assertThat(read.receiptWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(read.defaultZone().getId()).isEqualTo("Europe/Madrid");
    }

    @Test
    void everyProblem_isNamedWithWhereItIs() {
        String broken = SHIPPED.replace("\"PT4H\"", "\"four hours\"")
                .replace("\"sms\": [{\"max\": 1, \"window\": \"P7D\"}]", "\"pigeon\": [{\"max\": 0, \"window\": \"P7D\"}]")
                .replace("\"start\": \"21:00\"", "\"start\": \"9pm\"")
                .replace("\"minQuietSends\": 8", "\"minQuietSends\": 80")
                .replace("\"defaultTimeZone\": \"UTC\"", "\"defaultTimeZone\": \"Mars/Olympus\"")
                .replace("\"strongSignalWindow\"", "\"strongSignalWindw\"");

        List<String> where = problems(broken).stream().map(JourneyProblem::where).toList();

        assertThat(where).containsExactlyInAnyOrder("receiptWait", "frequencyCaps.perChannel.pigeon",
                "frequencyCaps.perChannel.pigeon[0].max", "quietHours.start", "sunsets.email.minQuietSends",
                "defaultTimeZone", "lifecycle.strongSignalWindw", "lifecycle.strongSignalWindow");
        assertThat(schemaViolations(TestResources.json(broken))).isNotEmpty();
    }

    @Test
    void theLifecycleOrder_andTheWeightsOrder_areChecked() {
        String broken = SHIPPED.replace("\"cooling\": {\"gaps\": 2, \"atLeast\": \"P7D\"}",
                        "\"cooling\": {\"gaps\": 5, \"atLeast\": \"P7D\"}")
                .replace("\"weak\": 0.05", "\"weak\": 0.5");

        assertThat(problems(broken)).extracting(JourneyProblem::where)
                .containsExactlyInAnyOrder("lifecycle", "lifecycle.scoreWeights");
    }

    @Test
    void theGuardrails_areRead_defaultedWhenAbsent_andEachBadValueNamed() {
        String guardrails = "\"guardrails\": {\"enabled\": true, \"minimumDecisions\": 500, \"unsubscribeRate\": 0.02, "
                + "\"complaintRate\": 0.003, \"windowDays\": 28}";
        assertThat(SHIPPED).contains(guardrails);
        assertThat(valid(SHIPPED).guardrails()).isEqualTo(GuardrailPolicy.defaults());
        assertThat(valid(SHIPPED.replace(",\n  " + guardrails, "")).guardrails()).isEqualTo(GuardrailPolicy.defaults());
        assertThat(valid(SHIPPED.replace("\"minimumDecisions\": 500", "\"minimumDecisions\": 40")
                .replace("\"enabled\": true", "\"enabled\": false")).guardrails())
                .isEqualTo(new GuardrailPolicy(false, 40, 0.02, 0.003, 28));

        String broken = SHIPPED.replace("\"minimumDecisions\": 500", "\"minimumDecisions\": 0")
                .replace("\"unsubscribeRate\": 0.02", "\"unsubscribeRate\": 2")
                .replace("\"windowDays\": 28", "\"windowDays\": 400")
                .replace("\"enabled\": true", "\"enabled\": \"yes\"");
        assertThat(problems(broken)).extracting(JourneyProblem::where).containsExactlyInAnyOrder("guardrails.enabled",
                "guardrails.minimumDecisions", "guardrails.unsubscribeRate", "guardrails.windowDays");
        assertThat(schemaViolations(TestResources.json(broken))).isNotEmpty();
    }

    @Test
    void notJson_orNotAnObject_isOneProblem() {
        assertThat(problems("{")).hasSize(1);
        assertThat(problems("[]")).singleElement().extracting(JourneyProblem::where).isEqualTo("$");
    }

    @Test
    void missingFields_areEachNamed() {
        assertThat(problems("{}")).extracting(JourneyProblem::where).containsExactlyInAnyOrder("frequencyCaps",
                "quietHours", "defaultTimeZone", "messageExpiry", "receiptWait", "sunsets", "lifecycle");
    }

    private Settings valid(String text) {
        Checked<Settings> read = parser.read(text);
        assertThat(read).as(read.toString()).isInstanceOf(Checked.Valid.class);
        return ((Checked.Valid<Settings>) read).value();
    }

    private List<JourneyProblem> problems(String text) {
        Checked<Settings> read = parser.read(text);
        assertThat(read).isInstanceOf(Checked.Invalid.class);
        return ((Checked.Invalid<Settings>) read).problems();
    }

    private static List<String> schemaViolations(JsonNode settings) {
        RegularExpressionFactory ecmaLike = regex -> {
            Pattern pattern = JsonSchemaRegex.compile(regex);
            return value -> pattern.matcher(value).find();
        };
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                TestResources.json(TestResources.text("winback/schemas/settings.schema.json")),
                SchemaValidatorsConfig.builder().regularExpressionFactory(ecmaLike).build());
        return schema.validate(settings).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
    }
}
