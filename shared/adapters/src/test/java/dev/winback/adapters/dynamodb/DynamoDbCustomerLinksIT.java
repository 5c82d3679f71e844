package dev.winback.adapters.dynamodb;

import dev.winback.core.cdp.AnonymousIds;
import dev.winback.core.cdp.CustomerLinks.Link;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Links of anonymous customers in DynamoDB Local: the first link holds, folds are noted, reads span batches. */
class DynamoDbCustomerLinksIT {

    private static final String ANONYMOUS = AnonymousIds.customerIdOf("dev-1");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbCustomerLinks links = new DynamoDbCustomerLinks(table.client(), table.name(), new CapacityMeter());

    @Test
    void theFirstLinkHolds_andALaterOneReadsItBack() {
        assertThat(links.link(ANONYMOUS, "c-ana")).isEqualTo(new Link("c-ana", false));
        assertThat(links.link(ANONYMOUS, "c-bob")).isEqualTo(new Link("c-ana", false));
        assertThat(links.linksOf(List.of(ANONYMOUS, AnonymousIds.customerIdOf("dev-2"))))
                .isEqualTo(Map.of(ANONYMOUS, new Link("c-ana", false)));
    }

    @Test
    void aFoldIsNoted_onlyOnALinkThatExists() {
        links.link(ANONYMOUS, "c-ana");

        links.markFolded(ANONYMOUS);

        assertThat(links.link(ANONYMOUS, "c-ana")).isEqualTo(new Link("c-ana", true));
        assertThatThrownBy(() -> links.markFolded(AnonymousIds.customerIdOf("never-linked")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
    }

    @Test
    void linksOf_readsMoreIdsThanOneBatchGetTakes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String id = AnonymousIds.customerIdOf("dev-" + i);
            ids.add(id);
            if (i % 2 == 0) links.link(id, "c-" + i);
        }

        Map<String, Link> found = links.linksOf(ids);

        assertThat(found).hasSize(75);
        assertThat(found.get(AnonymousIds.customerIdOf("dev-148"))).isEqualTo(new Link("c-148", false));
    }
}
