package dev.winback.local.runtime.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDynamoDbTest {

    @Test
    void start_pointsSdkClientsAtItThroughSystemProperties_andCloseRestoresThem() throws IOException {
        String endpointBefore = System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT);
        List<String> workingDirBefore = listWorkingDir();
        int port;
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            port = dynamoDb.port();
            assertThat(System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT)).isEqualTo("http://localhost:" + port);
            assertThat(System.getProperty(SdkSystemProperties.REGION)).isEqualTo(SdkSystemProperties.LOCAL_REGION);
            // No endpoint, region or credentials in code: all from the system properties.
            try (DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                assertThat(client.listTables().tableNames()).isEmpty();
                client.createTable(b -> b.tableName("probe-table")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build()));
                assertThat(client.listTables().tableNames()).containsExactly("probe-table");
            }
        }
        assertThat(System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT)).isEqualTo(endpointBefore);
        assertThatThrownBy(() -> new Socket("localhost", port).close()).as("stopped").isInstanceOf(IOException.class);
        assertThat(listWorkingDir()).as("nothing written to the working directory").isEqualTo(workingDirBefore);
    }

    @Test
    void start_twice_givesTwoIndependentInMemoryServers() {
        try (LocalDynamoDb first = LocalDynamoDb.start(); LocalDynamoDb second = LocalDynamoDb.start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
        }
    }

    private static List<String> listWorkingDir() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(""))) {
            return files.map(Path::toString).sorted().toList();
        }
    }
}
