package dev.winback.adapters.config;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import dev.winback.adapters.ses.SesEmailSender;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/**
 * SDK clients, created once per execution environment and only when first used.
 * Endpoints, region and credentials come from the SDK's standard chain (AWS_ENDPOINT_URL_*,
 * AWS_REGION, ...), so the same build talks to AWS, LocalStack or a local emulator.
 * The URLConnection HTTP client is chosen explicitly: it starts fastest and keeps artifacts small.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * URLConnection keeps at most {@code http.maxConnections} idle connections per host (5 by
     * default, read once when the JDK's keep-alive cache loads). Ingestion writes from 8 threads:
     * with 5, every request beyond them opens and closes a connection of its own, which cost more
     * than the request itself (measured: half the local demo's time). Set before any HTTP use,
     * unless the operator chose a value.
     */
    static final int KEEP_ALIVE_CONNECTIONS = 32;

    static {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE_CONNECTIONS));
        }
    }

    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10))
            .build();
    private volatile DynamoDbClient dynamoDb;
    private final boolean ownsDynamoDb;
    private volatile EventBridgeClient eventBridge;
    private volatile SqsClient sqs;
    private volatile SesV2Client sesV2;
    private volatile SecretsManagerClient secretsManager;
    private volatile SnsClient sns;

    public AwsClients() {
        this.ownsDynamoDb = true;
    }

    /**
     * For the local runtime: DynamoDB through a client built elsewhere (DynamoDB Local's embedded
     * client, which needs no HTTP), the other services as usual. Closing these clients leaves it open.
     */
    public AwsClients(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.ownsDynamoDb = false;
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClient client = dynamoDb;
        if (client == null) {
            synchronized (this) {
                client = dynamoDb;
                if (client == null) {
                    client = DynamoDbClient.builder().httpClient(http).build();
                    dynamoDb = client;
                }
            }
        }
        return client;
    }

    public EventBridgeClient eventBridge() {
        EventBridgeClient client = eventBridge;
        if (client == null) {
            synchronized (this) {
                client = eventBridge;
                if (client == null) {
                    client = EventBridgeClient.builder().httpClient(http).build();
                    eventBridge = client;
                }
            }
        }
        return client;
    }

    public SqsClient sqs() {
        SqsClient client = sqs;
        if (client == null) {
            synchronized (this) {
                client = sqs;
                if (client == null) {
                    client = SqsClient.builder().httpClient(http).build();
                    sqs = client;
                }
            }
        }
        return client;
    }

    /** SES v2 for sending: no SDK retries and a transmission tracker (see {@link SesEmailSender#clientSettings}). */
    public SesV2Client sesV2() {
        SesV2Client client = sesV2;
        if (client == null) {
            synchronized (this) {
                client = sesV2;
                if (client == null) {
                    client = SesV2Client.builder().httpClient(http)
                            .overrideConfiguration(c -> SesEmailSender.clientSettings(c)).build();
                    sesV2 = client;
                }
            }
        }
        return client;
    }

    /** Only functions that declare the secretsmanager SDK module may call this. */
    public SecretsManagerClient secretsManager() {
        SecretsManagerClient client = secretsManager;
        if (client == null) {
            synchronized (this) {
                client = secretsManager;
                if (client == null) {
                    client = SecretsManagerClient.builder().httpClient(http).build();
                    secretsManager = client;
                }
            }
        }
        return client;
    }

    /**
     * Only functions that declare the sns SDK module may call this. The SDK's own retries are off: a
     * Publish has no idempotency token, so retrying one whose response was lost could deliver it
     * twice. The send ledger retries what was certainly refused (throttling), never what may have gone.
     */
    public SnsClient sns() {
        SnsClient client = sns;
        if (client == null) {
            synchronized (this) {
                client = sns;
                if (client == null) {
                    client = SnsClient.builder().httpClient(http)
                            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                    .apiCallAttemptTimeout(Duration.ofSeconds(5)).apiCallTimeout(Duration.ofSeconds(8)))
                            .build();
                    sns = client;
                }
            }
        }
        return client;
    }

    @Override
    public void close() {
        if (dynamoDb != null && ownsDynamoDb) {
            dynamoDb.close();
        }
        if (eventBridge != null) {
            eventBridge.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (sesV2 != null) {
            sesV2.close();
        }
        if (secretsManager != null) {
            secretsManager.close();
        }
        if (sns != null) {
            sns.close();
        }
        http.close();
    }
}
