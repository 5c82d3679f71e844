package dev.winback.local.runtime.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every AWS SDK v2 client built in this JVM at a local DynamoDB, with no code in the clients:
 * the SDK reads these system properties before the matching environment variables, profile files
 * and instance metadata. Verified on SDK 2.41.18: the per-service property is spelled
 * {@code aws.endpointUrlDynamoDb} (the global {@code aws.endpointUrl} is deliberately not set, so
 * other services are never sent to DynamoDB Local). Restores what was there before on {@link #close}.
 */
public final class SdkSystemProperties implements AutoCloseable {

    public static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";
    public static final String REGION = "aws.region";
    public static final String ACCESS_KEY_ID = "aws.accessKeyId";
    public static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";

    /** The region every local resource lives in; any region works with DynamoDB Local. */
    public static final String LOCAL_REGION = "us-east-1";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SdkSystemProperties(Map<String, String> values) {
        values.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    }

    /** Sets the endpoint, a fixed region and dummy static credentials (DynamoDB Local checks none). */
    public static SdkSystemProperties pointDynamoDbAt(String endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DYNAMODB_ENDPOINT, endpoint);
        values.putAll(regionAndCredentials());
        return new SdkSystemProperties(values);
    }

    /** A fixed region and dummy static credentials, for a JVM whose DynamoDB needs no endpoint. */
    public static SdkSystemProperties localRegionAndCredentials() {
        return new SdkSystemProperties(regionAndCredentials());
    }

    private static Map<String, String> regionAndCredentials() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(REGION, LOCAL_REGION);
        values.put(ACCESS_KEY_ID, "local");
        values.put(SECRET_ACCESS_KEY, "local");
        return values;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
