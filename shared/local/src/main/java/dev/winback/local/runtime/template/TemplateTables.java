package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Creates every {@code AWS::DynamoDB::Table} of a template in a (local) DynamoDB from the template's
 * own KeySchema, AttributeDefinitions, indexes, BillingMode and TTL, so the schema lives in one place.
 * Those properties must be literal; TableName is ignored (it usually needs the stack name) and each
 * table gets its logical id in lower-kebab case instead ({@code EngagementTable} is {@code engagement-table}).
 * DynamoDB Local makes tables ACTIVE at once, so there is no waiting.
 */
public final class TemplateTables {

    public static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private TemplateTables() {
    }

    /** Creates the tables; returns logical id to physical table name, in template order. */
    public static Map<String, String> create(SamTemplate template, DynamoDbClient dynamoDb) {
        Map<String, JsonNode> tables = template.resourcesOfType(TABLE_TYPE);
        if (tables.isEmpty()) {
            throw new TemplateException("no resource of Type " + TABLE_TYPE + " in " + template.source()
                    + "; the local runtime needs at least one table to store records");
        }
        Map<String, String> names = new LinkedHashMap<>();
        tables.forEach((logicalId, resource) -> {
            JsonNode properties = resource.path("Properties");
            String name = physicalName(logicalId);
            dynamoDb.createTable(createTableRequest(logicalId, name, properties));
            timeToLive(logicalId, properties).ifPresent(attribute -> dynamoDb.updateTimeToLive(b -> b
                    .tableName(name)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
            names.put(logicalId, name);
        });
        return names;
    }

    /** {@code EngagementTable} becomes {@code engagement-table}; {@code DDBTable} becomes {@code ddb-table}. */
    public static String physicalName(String logicalId) {
        return logicalId
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    static CreateTableRequest createTableRequest(String logicalId, String name, JsonNode properties) {
        String at = logicalId + ".Properties";
        BillingMode billing = billingMode(properties.path("BillingMode"), at + ".BillingMode");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(billing)
                .attributeDefinitions(attributeDefinitions(properties.path("AttributeDefinitions"),
                        at + ".AttributeDefinitions"))
                .keySchema(keySchema(properties.path("KeySchema"), at + ".KeySchema"));
        if (billing == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(properties.path("ProvisionedThroughput"),
                    at + ".ProvisionedThroughput"));
        }
        JsonNode globals = properties.path("GlobalSecondaryIndexes");
        if (!globals.isMissingNode()) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            forEachItem(globals, at + ".GlobalSecondaryIndexes", (index, where) -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(Literals.text(index.path("IndexName"), where + ".IndexName"))
                        .keySchema(keySchema(index.path("KeySchema"), where + ".KeySchema"))
                        .projection(projection(index.path("Projection"), where + ".Projection"));
                if (billing == BillingMode.PROVISIONED) {
                    gsi.provisionedThroughput(throughput(index.path("ProvisionedThroughput"),
                            where + ".ProvisionedThroughput"));
                }
                indexes.add(gsi.build());
            });
            request.globalSecondaryIndexes(indexes);
        }
        JsonNode locals = properties.path("LocalSecondaryIndexes");
        if (!locals.isMissingNode()) {
            List<LocalSecondaryIndex> indexes = new ArrayList<>();
            forEachItem(locals, at + ".LocalSecondaryIndexes", (index, where) -> indexes.add(LocalSecondaryIndex.builder()
                    .indexName(Literals.text(index.path("IndexName"), where + ".IndexName"))
                    .keySchema(keySchema(index.path("KeySchema"), where + ".KeySchema"))
                    .projection(projection(index.path("Projection"), where + ".Projection"))
                    .build()));
            request.localSecondaryIndexes(indexes);
        }
        JsonNode stream = properties.path("StreamSpecification").path("StreamViewType");
        if (!stream.isMissingNode()) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(Literals.text(stream, at + ".StreamSpecification.StreamViewType")).build());
        }
        return request.build();
    }

    static Optional<String> timeToLive(String logicalId, JsonNode properties) {
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        String where = logicalId + ".Properties.TimeToLiveSpecification";
        if (ttl.isMissingNode() || !Literals.flag(ttl.path("Enabled"), where + ".Enabled")) {
            return Optional.empty();
        }
        return Optional.of(Literals.text(ttl.path("AttributeName"), where + ".AttributeName"));
    }

    private static BillingMode billingMode(JsonNode node, String where) {
        // CloudFormation's default when BillingMode is absent.
        String mode = node.isMissingNode() ? "PROVISIONED" : Literals.text(node, where);
        BillingMode billing = BillingMode.fromValue(mode);
        if (billing == BillingMode.UNKNOWN_TO_SDK_VERSION) {
            throw new TemplateException(where + " must be PAY_PER_REQUEST or PROVISIONED, found \"" + mode + "\"");
        }
        return billing;
    }

    private static List<AttributeDefinition> attributeDefinitions(JsonNode node, String where) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        forEachItem(node, where, (item, at) -> definitions.add(AttributeDefinition.builder()
                .attributeName(Literals.text(item.path("AttributeName"), at + ".AttributeName"))
                .attributeType(Literals.text(item.path("AttributeType"), at + ".AttributeType"))
                .build()));
        return definitions;
    }

    private static List<KeySchemaElement> keySchema(JsonNode node, String where) {
        List<KeySchemaElement> keys = new ArrayList<>();
        forEachItem(node, where, (item, at) -> keys.add(KeySchemaElement.builder()
                .attributeName(Literals.text(item.path("AttributeName"), at + ".AttributeName"))
                .keyType(Literals.text(item.path("KeyType"), at + ".KeyType"))
                .build()));
        return keys;
    }

    private static Projection projection(JsonNode node, String where) {
        Literals.requireLiteral(node, where);
        Projection.Builder projection = Projection.builder()
                .projectionType(Literals.text(node.path("ProjectionType"), where + ".ProjectionType"));
        JsonNode nonKey = node.path("NonKeyAttributes");
        if (!nonKey.isMissingNode()) {
            List<String> attributes = new ArrayList<>();
            forEachItem(nonKey, where + ".NonKeyAttributes", (item, at) -> attributes.add(Literals.text(item, at)));
            projection.nonKeyAttributes(attributes);
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(JsonNode node, String where) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Literals.number(node.path("ReadCapacityUnits"), where + ".ReadCapacityUnits"))
                .writeCapacityUnits(Literals.number(node.path("WriteCapacityUnits"), where + ".WriteCapacityUnits"))
                .build();
    }

    private static void forEachItem(JsonNode node, String where, BiConsumer<JsonNode, String> action) {
        Literals.requireLiteral(node, where);
        if (!node.isArray() || node.isEmpty()) {
            throw new TemplateException(where + " must be a non-empty list");
        }
        for (int i = 0; i < node.size(); i++) {
            action.accept(node.get(i), where + "[" + i + "]");
        }
    }
}
