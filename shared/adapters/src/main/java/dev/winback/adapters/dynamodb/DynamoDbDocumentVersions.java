package dev.winback.adapters.dynamodb;

import dev.winback.core.settings.DocumentVersions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * One operator document's versions in the single table (the playbook in {@code PLAYBOOK}, the
 * settings in {@code SETTINGS}), laid out as a journey's definitions ({@link VersionedDocuments}):
 * {@code V#<version>} items and the {@code ACTIVE} pointer. One document, so no index is needed.
 */
public final class DynamoDbDocumentVersions implements DocumentVersions {

    private final VersionedDocuments documents;
    private final String pk;

    private DynamoDbDocumentVersions(DynamoDbClient dynamoDb, String table, CapacityMeter meter, String pk) {
        this.documents = new VersionedDocuments(dynamoDb, table, meter);
        this.pk = pk;
    }

    public static DynamoDbDocumentVersions playbook(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        return new DynamoDbDocumentVersions(dynamoDb, table, meter, Keys.PLAYBOOK_PK);
    }

    public static DynamoDbDocumentVersions settings(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        return new DynamoDbDocumentVersions(dynamoDb, table, meter, Keys.SETTINGS_PK);
    }

    @Override
    public int latest() {
        return documents.pointer(pk).latest();
    }

    @Override
    public int put(String text) {
        return documents.put(pk, text);
    }

    @Override
    public Optional<String> version(int version) {
        return documents.version(pk, version);
    }

    @Override
    public boolean activate(int version) {
        return documents.activate(pk, version);
    }

    @Override
    public Optional<Integer> active() {
        return documents.pointer(pk).active();
    }

    @Override
    public boolean rollback() {
        return documents.rollback(pk);
    }

    @Override
    public void deactivate() {
        documents.deactivate(pk);
    }
}
