package dev.winback.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

/**
 * A fresh, empty copy of the engagement table in DynamoDB Local, reached over HTTP through the real
 * SDK client, so a store's integration test sees what it would see in AWS. The table is created from
 * template.yaml's own KeySchema, AttributeDefinitions and GlobalSecondaryIndexes, so the tests follow
 * the deployed schema. One DynamoDB Local serves the whole test JVM; each test gets its own table.
 * If DynamoDB Local cannot start or the template cannot be read, the test fails: it never skips.
 */
final class LocalTable {

    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private final DynamoDbClient client;
    private final String name;

    private LocalTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** Creates a new table named after the template's table plus a random suffix. */
    static LocalTable create() {
        DynamoDbClient client = Server.INSTANCE.client;
        String name = "engagement-" + UUID.randomUUID();
        client.createTable(createTableRequest(name, Server.INSTANCE.tableProperties));
        return new LocalTable(client, name);
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return name;
    }

    private static CreateTableRequest createTableRequest(String name, JsonNode properties) {
        List<AttributeDefinition> attributes = items(properties, "AttributeDefinitions").stream()
                .map(a -> AttributeDefinition.builder()
                        .attributeName(text(a, "AttributeName")).attributeType(text(a, "AttributeType")).build())
                .toList();
        List<GlobalSecondaryIndex> indexes = items(properties, "GlobalSecondaryIndexes").stream()
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(text(index, "IndexName"))
                        .keySchema(keySchema(index))
                        .projection(Projection.builder()
                                .projectionType(text(index.path("Projection"), "ProjectionType")).build())
                        .build())
                .toList();
        return CreateTableRequest.builder()
                .tableName(name)
                // The template's PAY_PER_REQUEST; indexes then need no provisioned throughput.
                .billingMode(BillingMode.fromValue(text(properties, "BillingMode")))
                .attributeDefinitions(attributes)
                .keySchema(keySchema(properties))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                .build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode owner) {
        return items(owner, "KeySchema").stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(text(k, "AttributeName")).keyType(text(k, "KeyType")).build())
                .toList();
    }

    private static List<JsonNode> items(JsonNode owner, String field) {
        JsonNode list = owner.path(field);
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalStateException(field + " in template.yaml is not a literal list");
        }
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private static String text(JsonNode owner, String field) {
        JsonNode value = owner.path(field);
        if (!value.isTextual()) {
            throw new IllegalStateException(field + " in template.yaml is not a literal string: " + value);
        }
        return value.asText();
    }

    /** DynamoDB Local in this JVM, started on first use and stopped when the JVM exits. */
    private static final class Server {

        static final Server INSTANCE = new Server();

        final DynamoDbClient client;
        final JsonNode tableProperties;

        private Server() {
            tableProperties = templateTable();
            int port = freePort();
            DynamoDBProxyServer server;
            try {
                server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(
                        new String[]{"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)}));
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // The JVM is exiting; nothing is left to clean up.
                }
            }));
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://localhost:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        /** The Properties of the template's one table; intrinsic tags read as plain scalars, unused here. */
        private static JsonNode templateTable() {
            Path template = findTemplate();
            try {
                JsonNode resources = new YAMLMapper().readTree(template.toFile()).path("Resources");
                List<JsonNode> tables = resources.properties().stream()
                        .map(Map.Entry::getValue)
                        .filter(r -> TABLE_TYPE.equals(r.path("Type").asText()))
                        .toList();
                if (tables.size() != 1) {
                    throw new IllegalStateException("expected one " + TABLE_TYPE + " in " + template + ", found " + tables.size());
                }
                return tables.getFirst().path("Properties");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + template, e);
            }
        }

        private static Path findTemplate() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("template.yaml");
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }

        /** DynamoDB Local prints a configuration banner on stdout, which would only clutter the test output. */
        private static <T> T quietly(Callable<T> action) throws Exception {
            PrintStream original = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
            try {
                return action.call();
            } finally {
                System.setOut(original);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free local port", e);
            }
        }
    }
}
