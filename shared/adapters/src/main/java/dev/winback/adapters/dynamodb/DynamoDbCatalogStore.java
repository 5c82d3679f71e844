package dev.winback.adapters.dynamodb;

import dev.winback.core.journey.CatalogVersions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * The product catalog's versions in the single table, laid out as a journey's definitions
 * ({@link VersionedDocuments}) in the partition {@code CATALOG}. A version is one item: its text
 * must stay under DynamoDB's 400 KB.
 */
public final class DynamoDbCatalogStore implements CatalogVersions {

    private final VersionedDocuments documents;

    public DynamoDbCatalogStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.documents = new VersionedDocuments(dynamoDb, table, meter);
    }

    @Override
    public int latest() {
        return documents.pointer(Keys.CATALOG_PK).latest();
    }

    @Override
    public int put(String json) {
        return documents.put(Keys.CATALOG_PK, json);
    }

    @Override
    public Optional<String> version(int version) {
        return documents.version(Keys.CATALOG_PK, version);
    }

    @Override
    public boolean activate(int version) {
        return documents.activate(Keys.CATALOG_PK, version);
    }

    @Override
    public Optional<Integer> active() {
        return documents.pointer(Keys.CATALOG_PK).active();
    }

    @Override
    public boolean rollback() {
        return documents.rollback(Keys.CATALOG_PK);
    }

    @Override
    public void deactivate() {
        documents.deactivate(Keys.CATALOG_PK);
    }
}
