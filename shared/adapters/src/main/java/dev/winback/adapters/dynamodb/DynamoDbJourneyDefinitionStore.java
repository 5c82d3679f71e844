package dev.winback.adapters.dynamodb;

import dev.winback.core.journey.JourneySummary;
import dev.winback.core.journey.JourneyVersions;
import dev.winback.core.journey.StoredVersion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/**
 * Journey definitions in the single table, each journey in a partition of its own
 * ({@code pk = JOURNEY#<journeyId>}, laid out as {@link VersionedDocuments} says: {@code V#<version>}
 * items and the {@code ACTIVE} pointer). The ids of every journey stored are one string set
 * ({@code pk = JOURNEYS}, {@code sk = INDEX}, attribute {@code ids}; see {@link IndexedVersions}).
 */
public final class DynamoDbJourneyDefinitionStore implements JourneyVersions {

    private final IndexedVersions journeys;

    public DynamoDbJourneyDefinitionStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.journeys = new IndexedVersions(dynamoDb, table, meter, Keys.JOURNEY_INDEX_PK, Keys.JOURNEY_INDEX_SK,
                Keys.JOURNEY_PREFIX, Keys::journey);
    }

    @Override
    public List<JourneySummary> list() {
        return journeys.list().stream().map(s -> new JourneySummary(s.id(), s.latest(), s.active())).toList();
    }

    @Override
    public StoredVersion put(String journeyId, String json) {
        return new StoredVersion(journeyId, journeys.put(journeyId, json));
    }

    @Override
    public Optional<String> version(String journeyId, int version) {
        return journeys.version(journeyId, version);
    }

    @Override
    public boolean activate(String journeyId, int version) {
        return journeys.activate(journeyId, version);
    }

    @Override
    public Optional<Integer> active(String journeyId) {
        return journeys.active(journeyId);
    }

    @Override
    public boolean rollback(String journeyId) {
        return journeys.rollback(journeyId);
    }

    @Override
    public void deactivate(String journeyId) {
        journeys.deactivate(journeyId);
    }
}
