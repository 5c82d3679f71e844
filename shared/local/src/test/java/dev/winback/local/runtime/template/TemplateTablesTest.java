package dev.winback.local.runtime.template;

import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTablesTest {

    private static LocalDynamoDb dynamoDbLocal;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = LocalDynamoDb.start();
        dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        try {
            dynamoDb.close();
        } finally {
            dynamoDbLocal.close();
        }
    }

    @BeforeEach
    void dropTables() {
        dynamoDb.listTables().tableNames().forEach(name -> dynamoDb.deleteTable(b -> b.tableName(name)));
    }

    @Test
    void create_fromFixture_buildsEachTableFromItsOwnSchema() {
        Map<String, String> names = TemplateTables.create(SamTemplate.read(Fixtures.template("local-fixture.yaml")), dynamoDb);

        assertThat(names).containsExactly(Map.entry("EngagementTable", "engagement-table"),
                Map.entry("AuditTable", "audit-table"));
        TableDescription engagement = dynamoDb.describeTable(b -> b.tableName("engagement-table")).table();
        assertThat(engagement.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(engagement.attributeDefinitions()).extracting(a -> a.attributeName())
                .containsExactlyInAnyOrder("pk", "sk", "dueShard", "dueAt");
        assertThat(engagement.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(engagement.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("DueIndex");
            assertThat(gsi.keySchema()).extracting(k -> k.attributeName()).containsExactly("dueShard", "dueAt");
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
        assertThat(dynamoDb.describeTimeToLive(b -> b.tableName("engagement-table")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
        TableDescription audit = dynamoDb.describeTable(b -> b.tableName("audit-table")).table();
        assertThat(audit.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
    }

    @Test
    void create_fromRepositoryTemplate_whenPresent() {
        Path template = Fixtures.repositoryTemplate();
        assertThat(template).as("template.yaml at the repository root").isRegularFile();
        Map<String, String> names = TemplateTables.create(SamTemplate.read(template), dynamoDb);
        assertThat(names).isNotEmpty();
        assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrderElementsOf(names.values());
    }

    @Test
    void create_whenTemplateHasNoTable_failsClearly() {
        SamTemplate template = SamTemplate.read(Fixtures.template("no-tables.yaml"));
        assertThatThrownBy(() -> TemplateTables.create(template, dynamoDb))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("AWS::DynamoDB::Table")
                .hasMessageContaining("no-tables.yaml");
    }

    @Test
    void create_whenKeySchemaUsesAnIntrinsic_namesThePlace() {
        SamTemplate template = SamTemplate.read(Fixtures.template("intrinsic-key.yaml"));
        assertThatThrownBy(() -> TemplateTables.create(template, dynamoDb))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("BadTable.Properties.AttributeDefinitions[0].AttributeName")
                .hasMessageContaining("Ref");
        assertThat(dynamoDb.listTables().tableNames()).isEmpty();
    }

    @Test
    void physicalName_isLowerKebabOfTheLogicalId() {
        assertThat(TemplateTables.physicalName("EngagementTable")).isEqualTo("engagement-table");
        assertThat(TemplateTables.physicalName("DDBTable")).isEqualTo("ddb-table");
        assertThat(TemplateTables.physicalName("Table2024V2")).isEqualTo("table2024-v2");
    }
}
