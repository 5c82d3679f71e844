package dev.winback.local.bench;

import dev.winback.adapters.dynamodb.Keys;
import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GetItems are told apart by the kind of item they read, without counting twice as requests. */
class RequestCountsTest {

    private final RequestCounts counts = new RequestCounts(DynamoDbCallObserver.NONE);

    @Test
    void getItems_areCountedByTheirPartitionKind_andOnceAsRequests() {
        counts.succeeded(get(Keys.SEGMENT_INDEX_PK, Keys.SEGMENT_INDEX_SK), GetItemResponse.builder().build());
        counts.succeeded(get(Keys.SEGMENT_INDEX_PK, Keys.SEGMENT_INDEX_SK), GetItemResponse.builder().build());
        counts.succeeded(get(Keys.customer("c-1"), Keys.RECORD_SK), GetItemResponse.builder().build());
        counts.succeeded(UpdateItemRequest.builder().tableName("t").build(), UpdateItemResponse.builder().build());

        Map<String, Long> snapshot = counts.snapshot();

        assertThat(snapshot).containsEntry("GetItem", 3L)
                .containsEntry("GetItem of SEGMENTS", 2L)
                .containsEntry("GetItem of C#", 1L)
                .containsEntry("UpdateItem", 1L);
        assertThat(RequestCounts.requests(snapshot)).isEqualTo(4);
    }

    private static GetItemRequest get(String pk, String sk) {
        return GetItemRequest.builder().tableName("t").consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk))).build();
    }
}
