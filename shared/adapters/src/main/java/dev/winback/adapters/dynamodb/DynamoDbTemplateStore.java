package dev.winback.adapters.dynamodb;

import dev.winback.core.template.TemplateSetSummary;
import dev.winback.core.template.TemplateVersions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/**
 * Campaigns' template sets in the single table, laid out as journey definitions are: each campaign
 * in a partition of its own ({@code pk = TEMPLATE#<campaignId>}, {@code V#<version>} items holding
 * the set's text and the {@code ACTIVE} pointer with its history), and the ids of every campaign
 * stored in one string set ({@code pk = TEMPLATES}, {@code sk = INDEX}). A version is one item: a set
 * stays under DynamoDB's 400 KB ({@link dev.winback.core.template.TemplateValidation#MAX_CHARACTERS}).
 */
public final class DynamoDbTemplateStore implements TemplateVersions {

    private final IndexedVersions campaigns;

    public DynamoDbTemplateStore(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.campaigns = new IndexedVersions(dynamoDb, table, meter, Keys.TEMPLATE_INDEX_PK, Keys.TEMPLATE_INDEX_SK,
                Keys.TEMPLATE_PREFIX, Keys::template);
    }

    @Override
    public List<TemplateSetSummary> list() {
        return campaigns.list().stream().map(s -> new TemplateSetSummary(s.id(), s.latest(), s.active())).toList();
    }

    @Override
    public int put(String campaignId, String text) {
        return campaigns.put(campaignId, text);
    }

    @Override
    public Optional<String> version(String campaignId, int version) {
        return campaigns.version(campaignId, version);
    }

    @Override
    public boolean activate(String campaignId, int version) {
        return campaigns.activate(campaignId, version);
    }

    @Override
    public Optional<Integer> active(String campaignId) {
        return campaigns.active(campaignId);
    }

    @Override
    public boolean rollback(String campaignId) {
        return campaigns.rollback(campaignId);
    }

    @Override
    public void deactivate(String campaignId) {
        campaigns.deactivate(campaignId);
    }
}
