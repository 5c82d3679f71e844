package dev.winback.local.api;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB client for composing the functions without calling it: every operation throws. */
final class UnusedDynamoDb implements DynamoDbClient {

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
