package dev.winback.local.bench;

import dev.winback.local.runtime.dynamodb.DynamoDbCallObserver;
import dev.winback.local.runtime.dynamodb.ObservingInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/**
 * The DynamoDB client of a benchmark over HTTP (DynamoDB Local's server), built as AwsClients
 * builds its own (URLConnection, same timeouts, endpoint from the SDK's system properties) plus
 * an interceptor that hands every call to the billing meter. The caller closes it.
 */
final class MeteredDynamoDb {

    private MeteredDynamoDb() {
    }

    static DynamoDbClient overHttp(DynamoDbCallObserver observer) {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ObservingInterceptor(observer)))
                .build();
    }
}
