package dev.winback.local.runtime.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * Sees each request a DynamoDB client makes, with its response or its failure: how a benchmark
 * bills what it did. {@link EmbeddedDynamoDb}'s client calls one directly; an SDK client over HTTP
 * through {@link ObservingInterceptor}.
 */
public interface DynamoDbCallObserver {

    DynamoDbCallObserver NONE = new DynamoDbCallObserver() {
        @Override
        public void succeeded(DynamoDbRequest request, DynamoDbResponse response) {
        }

        @Override
        public void failed(DynamoDbRequest request, Throwable failure) {
        }
    };

    void succeeded(DynamoDbRequest request, DynamoDbResponse response);

    void failed(DynamoDbRequest request, Throwable failure);
}
