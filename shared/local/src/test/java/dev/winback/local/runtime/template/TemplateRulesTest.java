package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.winback.adapters.observe.EmfMetrics;
import dev.winback.core.observe.Metric;
import dev.winback.local.runtime.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational rules of template.yaml, checked for every resource, so that a queue, function or
 * route added later without its alarm, dead-letter path or limits fails the build: alarms on every
 * dead-letter queue, on the age of every queue's oldest message and on every function's errors and
 * throttles; visibility timeouts with margin over six function timeouts; a concurrency cap on every
 * queue source; a failure path for every asynchronous (SNS) invocation; and the anonymous link
 * routes alone in functions that can reach nothing but what they need: the table and the link key
 * for the links; for CDP ingest the table, its write keys and the ingest queue; and a dashboard
 * that charts every business metric the code emits and no other, every queue's age, every dead-letter
 * queue's depth and every function's errors and duration.
 */
class TemplateRulesTest {

    /** Beyond AWS's six timeouts plus the batching window. */
    private static final int VISIBILITY_MARGIN_SECONDS = 15;
    private static final String LINKS_FUNCTION = "PublicLinksFunction";
    private static final String CDP_FUNCTION = "CdpIngestFunction";

    private final SamTemplate template = SamTemplate.read(Fixtures.repositoryTemplate());
    private final Map<String, JsonNode> queues = template.resourcesOfType("AWS::SQS::Queue");
    private final Map<String, JsonNode> functions = template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION);
    private final Map<String, JsonNode> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");

    @Test
    void theTemplateHasWhatTheseRulesAreAbout() {
        assertThat(queues).hasSizeGreaterThanOrEqualTo(5);
        assertThat(functions).containsKeys(LINKS_FUNCTION, CDP_FUNCTION, "HttpApiFunction", "ProcessFeedbackFunction");
        assertThat(deadLetterQueues()).contains("IngestDeadLetterQueue", "DeliveryDeadLetterQueue", "FeedbackDeadLetterQueue");
    }

    @Test
    void everyDeadLetterQueue_alarmsOnItsFirstMessage() {
        for (String queue : deadLetterQueues()) {
            List<JsonNode> found = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", getAtt(queue, "QueueName"));
            assertThat(found).as("an ApproximateNumberOfMessagesVisible alarm on dead-letter queue " + queue).isNotEmpty();
            assertThat(found).as(queue + ": alarm when more than 0 messages")
                    .anySatisfy(alarm -> {
                        assertThat(alarm.path("Threshold").asDouble()).isZero();
                        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
                    });
        }
    }

    @Test
    void everyQueue_alarmsOnTheAgeOfItsOldestMessage() {
        for (String queue : queues.keySet()) {
            assertThat(alarmsOn("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", getAtt(queue, "QueueName")))
                    .as("an ApproximateAgeOfOldestMessage alarm on " + queue).isNotEmpty();
        }
    }

    @Test
    void everyFunction_alarmsOnErrorsAndThrottles() {
        for (String function : functions.keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarmsOn("AWS/Lambda", metric, "FunctionName", ref(function)))
                        .as("a " + metric + " alarm on " + function).isNotEmpty();
            }
        }
    }

    @Test
    void everyQueueSource_hasAVisibilityTimeoutWithMarginOverSixTimeouts_aConcurrencyCap_andADeadLetterQueue() {
        int sources = 0;
        for (String function : functions.keySet()) {
            int timeout = template.functionProperty(function, "Timeout").asInt(3);
            for (JsonNode event : events(function, "SQS")) {
                sources++;
                JsonNode properties = event.path("Properties");
                String queue = properties.path("Queue").path("Fn::GetAtt").path(0).asText();
                JsonNode queueProperties = queues.get(queue).path("Properties");
                int window = properties.path("MaximumBatchingWindowInSeconds").asInt(0);
                int required = 6 * timeout + window + VISIBILITY_MARGIN_SECONDS;
                assertThat(queueProperties.path("VisibilityTimeout").asInt(30))
                        .as(queue + " VisibilityTimeout vs 6 x " + function + " Timeout (" + timeout + " s) + window + margin")
                        .isGreaterThanOrEqualTo(required);
                assertThat(properties.path("ScalingConfig").path("MaximumConcurrency").isMissingNode())
                        .as(function + ": ScalingConfig.MaximumConcurrency on its " + queue + " source").isFalse();
                assertThat(queueProperties.path("RedrivePolicy").path("deadLetterTargetArn").isMissingNode())
                        .as(queue + " has a dead-letter queue").isFalse();
            }
        }
        assertThat(sources).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDashboard_chartsEveryBusinessMetricTheCodeEmits_andNoOther() {
        DashboardMetrics charted = DashboardMetrics.of(dashboard());
        String service = template.root().path("Globals").path("Function").path("Environment").path("Variables")
                .path("POWERTOOLS_SERVICE_NAME").asText();
        Map<String, Metric> emitted = new java.util.HashMap<>();
        for (Metric metric : emittedMetrics()) emitted.put(metric.metricName(), metric);
        Set<String> shown = new TreeSet<>();
        for (DashboardMetrics.Charted metric : charted.in(EmfMetrics.NAMESPACE)) {
            assertThat(emitted).as("a metric the code emits").containsKey(metric.name());
            assertThat(metric.dimensions()).as(metric.name() + ": by the service the functions name")
                    .isEqualTo(Map.of(EmfMetrics.SERVICE_DIMENSION, service));
            shown.add(metric.name());
        }
        for (DashboardMetrics.Searched search : charted.searches()) {
            assertThat(search.namespace()).isEqualTo(EmfMetrics.NAMESPACE);
            assertThat(emitted).as("a metric the code emits").containsKey(search.name());
            List<String> dimensions = new ArrayList<>(List.of(EmfMetrics.SERVICE_DIMENSION));
            dimensions.addAll(emitted.get(search.name()).dimensions());
            assertThat(search.dimensionNames()).as(search.name() + ": the dimensions it is written with").isEqualTo(dimensions);
            shown.add(search.name());
        }
        assertThat(shown).as("every business metric is charted").isEqualTo(new TreeSet<>(emitted.keySet()));
    }

    @Test
    void theDashboard_chartsEveryQueuesAge_deadLetterDepth_andFunctionsErrorsAndDuration() {
        DashboardMetrics charted = DashboardMetrics.of(dashboard());
        Set<String> resources = new TreeSet<>();
        template.root().path("Resources").fieldNames().forEachRemaining(resources::add);
        for (DashboardMetrics.Charted metric : charted.metrics()) {
            for (String value : metric.dimensions().values()) {
                if (value.startsWith("${")) {
                    assertThat(resources).as("resource of " + value).contains(value.substring(2, value.length() - 1).split("\\.")[0]);
                }
            }
        }
        Set<String> dlqs = deadLetterQueues();
        for (String queue : queues.keySet()) {
            String metric = dlqs.contains(queue) ? "ApproximateNumberOfMessagesVisible" : "ApproximateAgeOfOldestMessage";
            assertThat(charted.in("AWS/SQS")).as(metric + " of " + queue).contains(
                    new DashboardMetrics.Charted("AWS/SQS", metric, Map.of("QueueName", "${" + queue + ".QueueName}")));
        }
        for (String function : functions.keySet()) {
            for (String metric : List.of("Errors", "Duration")) {
                assertThat(charted.in("AWS/Lambda")).as(metric + " of " + function).contains(
                        new DashboardMetrics.Charted("AWS/Lambda", metric, Map.of("FunctionName", "${" + function + "}")));
            }
        }
    }

    private JsonNode dashboard() {
        Map<String, JsonNode> dashboards = template.resourcesOfType("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        return dashboards.values().iterator().next();
    }

    /** The metrics some production class reports: those whose constant is read outside the enum. */
    private static List<Metric> emittedMetrics() {
        JavaClass metric = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.winback").get(Metric.class);
        return Arrays.stream(Metric.values()).filter(constant -> metric.getField(constant.name()).getAccessesToSelf()
                .stream().anyMatch(access -> !access.getOriginOwner().equals(metric))).toList();
    }

    @Test
    void everySnsInvokedFunction_keepsFailedInvocationsAndUndeliverableNotifications() {
        for (String function : functions.keySet()) {
            List<JsonNode> sns = events(function, "SNS");
            if (sns.isEmpty()) continue;
            JsonNode onFailure = functions.get(function).path("Properties").path("EventInvokeConfig")
                    .path("DestinationConfig").path("OnFailure");
            assertThat(onFailure.path("Type").asText()).as(function + " on-failure destination").isEqualTo("SQS");
            String destination = onFailure.path("Destination").path("Fn::GetAtt").path(0).asText();
            assertThat(queues).as(function + " on-failure destination is a queue of the template").containsKey(destination);
            for (JsonNode event : sns) {
                assertThat(event.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn")
                        .path("Fn::GetAtt").path(0).asText())
                        .as(function + " SNS subscription to " + event.path("Properties").path("Topic") + " has a redrive policy")
                        .isEqualTo(destination);
            }
            assertThat(allowedActions(function)).as(function + " may send to its on-failure queue").contains("sqs:SendMessage");
        }
    }

    @Test
    void theAnonymousRoutes_runOnlyInTheLinksAndCdpFunctions_whichCanReachOnlyWhatTheyNeed() {
        Set<String> anonymous = new TreeSet<>();
        Set<String> cdp = new TreeSet<>();
        for (String function : functions.keySet()) {
            for (JsonNode event : events(function, "HttpApi")) {
                JsonNode properties = event.path("Properties");
                if ("NONE".equals(properties.path("Auth").path("Authorizer").asText())) {
                    assertThat(function).as("anonymous route " + properties.path("Path").asText())
                            .isIn(LINKS_FUNCTION, CDP_FUNCTION);
                    String route = properties.path("Method").asText() + " " + properties.path("Path").asText();
                    anonymous.add(route);
                    if (function.equals(CDP_FUNCTION)) cdp.add(route);
                }
            }
        }
        assertThat(anonymous).contains("GET /u/{token}", "POST /u/{token}", "GET /p/{token}", "POST /p/{token}",
                "POST /v1/cdp/{source}");
        assertThat(cdp).containsExactly("POST /v1/cdp/{source}");
        assertThat(events(LINKS_FUNCTION, "HttpApi")).hasSize(anonymous.size() - cdp.size());
        assertThat(events(CDP_FUNCTION, "HttpApi")).hasSize(cdp.size());

        assertThat(allowedActions(LINKS_FUNCTION)).isNotEmpty().allSatisfy(action ->
                assertThat(action).as(LINKS_FUNCTION + " action").matches("dynamodb:[A-Za-z]+|secretsmanager:GetSecretValue"));
        assertThat(allowedActions(LINKS_FUNCTION)).doesNotContain("dynamodb:DeleteItem", "dynamodb:Scan");
        // The CDP function reads and writes single items, reads its own write keys (never the link key)
        // and sends to the ingest queue: the events are applied by the ingest function.
        assertThat(allowedActions(CDP_FUNCTION)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "secretsmanager:GetSecretValue", "sqs:SendMessage");
        for (JsonNode statement : statements(CDP_FUNCTION)) {
            JsonNode resource = statement.path("Resource");
            List<String> actions = textOrList(statement.path("Action"));
            if (actions.contains("secretsmanager:GetSecretValue")) assertThat(resource).isEqualTo(ref("CdpWriteKeysSecret"));
            if (actions.contains("sqs:SendMessage")) assertThat(resource).isEqualTo(getAtt("IngestQueue", "Arn"));
            if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                assertThat(resource).isEqualTo(getAtt("EngagementTable", "Arn"));
            }
        }
        for (String function : List.of(LINKS_FUNCTION, CDP_FUNCTION)) {
            assertThat(functions.get(function).path("Properties").path("ReservedConcurrentExecutions").isMissingNode())
                    .as(function + " reserved concurrency").isFalse();
        }

        JsonNode routeSettings = template.resourcesOfType("AWS::Serverless::HttpApi").values().iterator().next()
                .path("Properties").path("RouteSettings");
        for (String route : anonymous) {
            assertThat(routeSettings.path(route).path("ThrottlingRateLimit").isMissingNode()).as(route + " rate limit").isFalse();
            assertThat(routeSettings.path(route).path("ThrottlingBurstLimit").isMissingNode()).as(route + " burst limit").isFalse();
        }
    }

    @Test
    void publishAndSendEmail_areScopedToTheDeploymentsResources() {
        for (String function : functions.keySet()) {
            for (JsonNode statement : statements(function)) {
                List<String> actions = textOrList(statement.path("Action"));
                if (actions.contains("sns:Publish") || actions.contains("sns:*") || actions.contains("*")) {
                    assertThat(statement.path("Resource").asText()).as(function + " sns:Publish on *").isNotEqualTo("*");
                    if (statement.has("NotResource")) {
                        // Phone numbers have no ARN: allowed only as "not an SNS ARN", so never a topic.
                        assertThat(statement.path("NotResource").path("Fn::Sub").asText())
                                .as(function + " sns:Publish NotResource").isEqualTo("arn:${AWS::Partition}:sns:*:*:*");
                    }
                }
                if (actions.contains("ses:SendEmail")) {
                    assertThat(statement.path("Resource").toString()).as(function + " ses:SendEmail resources")
                            .doesNotContain("identity/*").contains("identity/${EmailIdentity}");
                }
            }
        }
    }

    // ---- reading the template -------------------------------------------------------------------

    /** Queues named as a dead-letter target anywhere (redrive policies, rule targets, on-failure destinations). */
    private Set<String> deadLetterQueues() {
        Set<String> found = new TreeSet<>();
        collectDeadLetterTargets(template.root().path("Resources"), null, found);
        queues.keySet().stream().filter(id -> id.contains("DeadLetter")).forEach(found::add);
        return found;
    }

    private void collectDeadLetterTargets(JsonNode node, String key, Set<String> found) {
        JsonNode target = switch (key == null ? "" : key) {
            case "deadLetterTargetArn" -> node;       // SQS and SNS subscription redrive policies
            case "DeadLetterConfig" -> node.path("Arn"); // EventBridge rule targets
            case "OnFailure" -> node.path("Destination"); // Lambda asynchronous invocation
            default -> null;
        };
        if (target != null && queues.containsKey(target.path("Fn::GetAtt").path(0).asText())) {
            found.add(target.path("Fn::GetAtt").path(0).asText());
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> collectDeadLetterTargets(entry.getValue(), entry.getKey(), found));
        } else if (node.isArray()) {
            node.forEach(element -> collectDeadLetterTargets(element, null, found));
        }
    }

    /** Alarms with actions on the metric whose dimension is the given reference. */
    private List<JsonNode> alarmsOn(String namespace, String metric, String dimension, JsonNode value) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode alarm : alarms.values()) {
            JsonNode properties = alarm.path("Properties");
            if (!namespace.equals(properties.path("Namespace").asText()) || !metric.equals(properties.path("MetricName").asText())) {
                continue;
            }
            boolean matches = false;
            for (JsonNode d : properties.path("Dimensions")) {
                matches |= dimension.equals(d.path("Name").asText()) && value.equals(d.path("Value"));
            }
            if (matches && properties.path("AlarmActions").size() > 0) found.add(properties);
        }
        return found;
    }

    private List<JsonNode> events(String function, String type) {
        List<JsonNode> found = new ArrayList<>();
        functions.get(function).path("Properties").path("Events").forEach(event -> {
            if (type.equals(event.path("Type").asText())) found.add(event);
        });
        return found;
    }

    /** Every Allow statement of the function's inline policies, both branches of an Fn::If. */
    private List<JsonNode> statements(String function) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode policy : functions.get(function).path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                JsonNode branches = statement.path("Fn::If");
                List<JsonNode> candidates = branches.isArray() ? List.of(branches.path(1), branches.path(2)) : List.of(statement);
                for (JsonNode candidate : candidates) {
                    if ("Allow".equals(candidate.path("Effect").asText())) found.add(candidate);
                }
            }
            if (policy.isTextual()) found.add(policy); // a managed policy or SAM template by name: never allowed here
        }
        return found;
    }

    private Set<String> allowedActions(String function) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : statements(function)) {
            if (statement.isTextual()) {
                actions.add("managed policy " + statement.asText());
            } else {
                actions.addAll(textOrList(statement.path("Action")));
            }
        }
        return actions;
    }

    private static List<String> textOrList(JsonNode node) {
        if (node.isTextual()) return List.of(node.asText());
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode getAtt(String resource, String attribute) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .set("Fn::GetAtt", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                        .add(resource).add(attribute));
    }

    private static JsonNode ref(String resource) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("Ref", resource);
    }
}
