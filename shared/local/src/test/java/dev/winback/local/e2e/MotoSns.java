package dev.winback.local.e2e;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SNS on the moto emulator ({@link dev.winback.adapters.testing.MotoEndpoint}), configured as the senders use it. */
final class MotoSns {

    private MotoSns() {
    }

    /** Like the function's client: no SDK retries (a lost Publish response must never be retried blindly). */
    static SnsClient client(String endpoint, ExecutionInterceptor... interceptors) {
        return SnsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .executionInterceptors(List.of(interceptors)))
                .build();
    }

    static String platformApplication(SnsClient sns) {
        return sns.createPlatformApplication(b -> b.name("winback-test-" + UUID.randomUUID()).platform("GCM")
                .attributes(Map.of("PlatformCredential", "test-api-key"))).platformApplicationArn();
    }

    /** A push endpoint; a disabled one answers EndpointDisabled, as after an uninstall. */
    static String pushEndpoint(SnsClient sns, String application, boolean enabled) {
        String arn = sns.createPlatformEndpoint(b -> b.platformApplicationArn(application)
                .token("token-" + UUID.randomUUID())).endpointArn();
        if (!enabled) sns.setEndpointAttributes(b -> b.endpointArn(arn).attributes(Map.of("Enabled", "false")));
        return arn;
    }
}
