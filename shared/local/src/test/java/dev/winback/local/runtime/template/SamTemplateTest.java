package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.functions.api.HttpApiHandler;
import dev.winback.local.runtime.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.read(Fixtures.template("local-fixture.yaml"));

    @Test
    void read_turnsShortFormIntrinsicsIntoLongForm() {
        JsonNode properties = template.root().path("Resources").path("EngagementTable").path("Properties");
        assertThat(properties.path("TableName").path("Fn::Sub").asText()).isEqualTo("winback-${AWS::StackName}-engagement");
        assertThat(properties.path("DeletionProtectionEnabled").path("Ref").asText()).isEqualTo("DeletionProtection");
        JsonNode tagValue = properties.path("Tags").get(0).path("Value").path("Fn::If");
        assertThat(tagValue.get(2).path("Ref").asText()).isEqualTo("Stage");
        JsonNode arn = template.root().path("Outputs").path("TableArn").path("Value").path("Fn::GetAtt");
        assertThat(arn.get(0).asText()).isEqualTo("EngagementTable");
        assertThat(arn.get(1).asText()).isEqualTo("Arn");
    }

    @Test
    void functionWithHandler_findsTheFunctionByHandlerClass() {
        assertThat(template.functionWithHandler(HttpApiHandler.class)).contains("HttpApiFunction");
        assertThat(template.functionWithHandler(String.class)).isEmpty();
    }

    @Test
    void functionEnvironment_resolvesRefsLocallyAndLeavesOutWhatNeedsAStack() {
        Map<String, String> env = FunctionEnvironment.resolve(template, Optional.of("HttpApiFunction"),
                Map.of("EngagementTable", "engagement-table", "EventBus", "winback-local"));
        assertThat(env).containsExactly(
                Map.entry("WINBACK_TABLE", "engagement-table"),
                Map.entry("WINBACK_EVENT_BUS", "winback-local"),
                Map.entry("STAGE", "test"));
    }

    @Test
    void httpApiRoutes_readsEveryHttpApiEvent_mostSpecificFirst() {
        List<HttpRoute> routes = HttpApiRoutes.from(template);
        assertThat(routes).extracting(HttpRoute::routeKey).containsExactly(
                "GET /v1/customers/{customerId}/messages",
                "GET /v1/customers/{customerId}",
                "POST /v1/events",
                "ANY /v1/files/{path+}");
        assertThat(routes).extracting(HttpRoute::functionId).containsOnly("HttpApiFunction");
    }
}
