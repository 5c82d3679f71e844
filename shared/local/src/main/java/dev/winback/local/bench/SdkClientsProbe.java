package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs in a fresh JVM with only a function's deployable jar (plus this module's classes) on the
 * class path, against an AWS emulator named by {@code AWS_ENDPOINT_URL}: builds every SDK client of
 * {@link AwsClients} whose module is in the jar and makes the call the function makes with it, once
 * answered and once with an error, so that the client's building (endpoint rules, signer, HTTP
 * client), request marshalling, response parsing and error mapping all run from the jar alone. The
 * deployable is minimised class by class and then shrunk member by member at build time (the SDK
 * clients keep only the operations the function calls, in the form it calls them, so only those
 * are made here); this proves nothing the SDK loads by name went missing.
 *
 * <p>Prints one line per service, {@code SDKPROBE <service> ok|absent|FAILED <detail>}, and exits 1
 * when any failed. Each service's calls are in a class of their own, loaded only when the service's
 * module is in the jar.
 *
 * <p>Reads {@code PROBE_TABLE}, {@code PROBE_SECRET_ID}, {@code PROBE_EMAIL_FROM}, {@code PROBE_QUEUE_URL},
 * {@code PROBE_BUCKET} and {@code PROBE_OBJECT_KEY}: resources the caller created in the emulator beforehand.
 */
public final class SdkClientsProbe {

    /** Service name → the client interface whose presence means the module is in the jar. */
    static final Map<String, String> SERVICES = Map.of(
            "dynamodb", "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "eventbridge", "software.amazon.awssdk.services.eventbridge.EventBridgeClient",
            "sqs", "software.amazon.awssdk.services.sqs.SqsClient",
            "sesv2", "software.amazon.awssdk.services.sesv2.SesV2Client",
            "secretsmanager", "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
            "sns", "software.amazon.awssdk.services.sns.SnsClient",
            "s3", "software.amazon.awssdk.services.s3.S3Client");

    private SdkClientsProbe() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        List<String> failed = new ArrayList<>();
        try (AwsClients clients = new AwsClients()) {
            for (String service : List.of("dynamodb", "eventbridge", "sqs", "sesv2", "secretsmanager", "sns", "s3")) {
                if (!present(SERVICES.get(service))) {
                    System.out.println("SDKPROBE " + service + " absent");
                    continue;
                }
                Function<AwsClients, String> calls = switch (service) {
                    case "dynamodb" -> c -> DynamoDbCalls.run(c, env.get("PROBE_TABLE"));
                    case "eventbridge" -> c -> EventBridgeCalls.run(c);
                    case "sqs" -> c -> SqsCalls.run(c, env.get("PROBE_QUEUE_URL"));
                    case "sesv2" -> c -> SesCalls.run(c, env.get("PROBE_EMAIL_FROM"));
                    case "secretsmanager" -> c -> SecretsCalls.run(c, env.get("PROBE_SECRET_ID"));
                    case "sns" -> c -> SnsCalls.run(c);
                    case "s3" -> c -> S3Calls.run(env.get("PROBE_BUCKET"), env.get("PROBE_OBJECT_KEY"));
                    default -> throw new IllegalStateException(service);
                };
                try {
                    System.out.println("SDKPROBE " + service + " ok " + calls.apply(clients));
                } catch (Throwable t) {
                    failed.add(service);
                    System.out.println("SDKPROBE " + service + " FAILED " + t);
                    t.printStackTrace(System.out);
                }
            }
        }
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SdkClientsProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The call must fail with exactly this exception type (the service's error, mapped by the SDK). */
    static String expectError(Class<? extends Exception> type, Runnable call) {
        try {
            call.run();
        } catch (Exception e) {
            if (type.isInstance(e)) return "error mapped to " + type.getSimpleName();
            throw new IllegalStateException("expected " + type.getName() + ", got " + e, e);
        }
        throw new IllegalStateException("expected " + type.getName() + ", the call succeeded");
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalStateException(name + " is not set");
        return value;
    }

    /** A read the function makes: GetItem, else Query, else Scan (the purchase model's fit reads the whole table). */
    private static final class DynamoDbCalls {
        static String run(AwsClients c, String table) {
            require(table, "PROBE_TABLE");
            var key = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("probe");
            if (carries(software.amazon.awssdk.services.dynamodb.model.GetItemRequest.class, "builder")) {
                c.dynamoDb().getItem(getItem(table, key));
                return "GetItem answered; " + expectError(
                        software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                        () -> c.dynamoDb().getItem(getItem("winback-probe-no-such-table", key)));
            }
            if (carries(software.amazon.awssdk.services.dynamodb.model.QueryRequest.class, "builder")) {
                c.dynamoDb().query(query(table, key));
                return "Query answered; " + expectError(
                        software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                        () -> c.dynamoDb().query(query("winback-probe-no-such-table", key)));
            }
            c.dynamoDb().scan(scan(table));
            return "Scan answered; " + expectError(
                    software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> c.dynamoDb().scan(scan("winback-probe-no-such-table")));
        }

        private static software.amazon.awssdk.services.dynamodb.model.ScanRequest scan(String table) {
            return pojo(software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder(),
                    Map.of("TableName", table, "Limit", 1));
        }

        private static software.amazon.awssdk.services.dynamodb.model.GetItemRequest getItem(
                String table, software.amazon.awssdk.services.dynamodb.model.AttributeValue key) {
            return pojo(software.amazon.awssdk.services.dynamodb.model.GetItemRequest.builder(),
                    Map.of("TableName", table, "Key", Map.of("pk", key)));
        }

        private static software.amazon.awssdk.services.dynamodb.model.QueryRequest query(
                String table, software.amazon.awssdk.services.dynamodb.model.AttributeValue key) {
            return pojo(software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder(), Map.of("TableName", table,
                    "KeyConditionExpression", "pk = :pk", "ExpressionAttributeValues", Map.of(":pk", key)));
        }
    }

    private static final class EventBridgeCalls {
        static String run(AwsClients c) {
            var response = c.eventBridge().putEvents(request("default"));
            Object failed = field(response, "FailedEntryCount");
            if (failed != null && !failed.equals(0)) throw new IllegalStateException("PutEvents failed: " + response);
            return "PutEvents accepted; " + expectError(
                    software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.class,
                    () -> c.eventBridge().putEvents(request("winback-probe-no-such-bus")));
        }

        private static software.amazon.awssdk.services.eventbridge.model.PutEventsRequest request(String bus) {
            var entry = pojo(software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry.builder(), Map.of(
                    "EventBusName", bus, "Source", "winback.probe", "DetailType", "Probe", "Detail", "{\"probe\":true}"));
            return pojo(software.amazon.awssdk.services.eventbridge.model.PutEventsRequest.builder(),
                    Map.of("Entries", List.of(entry)));
        }
    }

    private static final class SqsCalls {
        static String run(AwsClients c, String queueUrl) {
            var response = c.sqs().sendMessageBatch(request(require(queueUrl, "PROBE_QUEUE_URL")));
            if (!(field(response, "Successful") instanceof List<?> sent) || sent.size() != 1) {
                throw new IllegalStateException("SendMessageBatch: " + response);
            }
            return "SendMessageBatch sent 1; " + expectError(
                    software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class,
                    () -> c.sqs().sendMessageBatch(request(queueUrl.substring(0, queueUrl.lastIndexOf('/') + 1)
                            + "winback-probe-no-such-queue")));
        }

        private static software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest request(String queueUrl) {
            var entry = pojo(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder(),
                    Map.of("Id", "probe-1", "MessageBody", "{\"probe\":true}"));
            return pojo(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest.builder(),
                    Map.of("QueueUrl", queueUrl, "Entries", List.of(entry)));
        }
    }

    private static final class SesCalls {
        static String run(AwsClients c, String from) {
            var response = c.sesV2().sendEmail(request(require(from, "PROBE_EMAIL_FROM")));
            if (field(response, "MessageId") == null) throw new IllegalStateException("SendEmail returned no message id");
            return "SendEmail accepted; " + expectError(
                    software.amazon.awssdk.services.sesv2.model.MessageRejectedException.class,
                    () -> c.sesV2().sendEmail(request("unverified@probe.example")));
        }

        private static software.amazon.awssdk.services.sesv2.model.SendEmailRequest request(String from) {
            var text = pojo(software.amazon.awssdk.services.sesv2.model.Content.builder(), Map.of("Data", "Probe"));
            var body = pojo(software.amazon.awssdk.services.sesv2.model.Body.builder(), Map.of("Text", text));
            var message = pojo(software.amazon.awssdk.services.sesv2.model.Message.builder(),
                    Map.of("Subject", text, "Body", body));
            var content = pojo(software.amazon.awssdk.services.sesv2.model.EmailContent.builder(), Map.of("Simple", message));
            var destination = pojo(software.amazon.awssdk.services.sesv2.model.Destination.builder(),
                    Map.of("ToAddresses", List.of("probe@example.com")));
            return pojo(software.amazon.awssdk.services.sesv2.model.SendEmailRequest.builder(),
                    Map.of("FromEmailAddress", from, "Destination", destination, "Content", content));
        }
    }

    private static final class SecretsCalls {
        static String run(AwsClients c, String secretId) {
            var response = c.secretsManager().getSecretValue(request(require(secretId, "PROBE_SECRET_ID")));
            if (!(field(response, "SecretString") instanceof String value) || value.isEmpty()) {
                throw new IllegalStateException("GetSecretValue returned no value");
            }
            return "GetSecretValue read the secret; " + expectError(
                    software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class,
                    () -> c.secretsManager().getSecretValue(request("winback-probe-no-such-secret")));
        }

        private static software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest request(String id) {
            return pojo(software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest.builder(),
                    Map.of("SecretId", id));
        }
    }

    private static final class SnsCalls {
        static String run(AwsClients c) {
            var response = c.sns().publish(request("+15555550100"));
            if (field(response, "MessageId") == null) throw new IllegalStateException("Publish returned no message id");
            return "Publish (SMS) accepted; " + expectError(
                    software.amazon.awssdk.services.sns.model.InvalidParameterException.class,
                    () -> c.sns().publish(request("not-a-phone-number")));
        }

        private static software.amazon.awssdk.services.sns.model.PublishRequest request(String phoneNumber) {
            return pojo(software.amazon.awssdk.services.sns.model.PublishRequest.builder(),
                    Map.of("PhoneNumber", phoneNumber, "Message", "Probe"));
        }
    }

    /**
     * A request built through its model's field table, the path the SDK's own marshalling and
     * unmarshalling take (so every shrunk jar keeps it), rather than through the builder's setters,
     * of which a jar keeps only the forms its function calls. Fields are named as on the wire.
     */
    static <T> T pojo(software.amazon.awssdk.utils.builder.SdkBuilder<?, T> builder, Map<String, Object> values) {
        var fields = ((software.amazon.awssdk.core.SdkPojo) builder).sdkFields();
        values.forEach((name, value) -> fields.stream().filter(f -> name.equals(f.locationName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field " + name + " in " + builder.getClass().getName()))
                .set(builder, value));
        return builder.build();
    }

    /** A response's field by its name on the wire, read through the model's field table. */
    static Object field(software.amazon.awssdk.core.SdkPojo response, String name) {
        return response.sdkFields().stream().filter(f -> name.equals(f.locationName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field " + name + " in " + response.getClass().getName()))
                .getValueOrDefault(response);
    }

    /**
     * The S3 client as the audience export and the Pinpoint import build it (URLConnection; the
     * emulator's IP address makes requests path-style), with whichever of their calls the jar carries.
     */
    private static final class S3Calls {
        static String run(String bucket, String objectKey) {
            var http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder().build();
            try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().httpClient(http).build()) {
                List<String> done = new ArrayList<>();
                if (carries(software.amazon.awssdk.services.s3.S3Client.class, "putObject",
                        software.amazon.awssdk.services.s3.model.PutObjectRequest.class,
                        software.amazon.awssdk.core.sync.RequestBody.class)) {
                    s3.putObject(putRequest(require(bucket, "PROBE_BUCKET"), "audiences/probe/manifest.json"),
                            software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[] {'{', '}'}));
                    done.add("object put; " + expectError(software.amazon.awssdk.services.s3.model.NoSuchBucketException.class,
                            () -> s3.putObject(putRequest("winback-probe-no-such-bucket", "probe"),
                                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[0]))));
                }
                if (carries(software.amazon.awssdk.services.s3.S3Client.class, "getObject", java.util.function.Consumer.class)) {
                    try (var object = s3.getObject(b -> b.bucket(bucket).key(require(objectKey, "PROBE_OBJECT_KEY")))) {
                        done.add("object read (" + object.readAllBytes().length + " bytes); "
                                + expectError(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                                        () -> s3.getObject(b -> b.bucket(bucket).key("audiences/probe/missing"))));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                if (done.isEmpty()) throw new IllegalStateException("the jar carries neither PutObject nor GetObject");
                return String.join("; ", done);
            }
        }

        private static software.amazon.awssdk.services.s3.model.PutObjectRequest putRequest(String bucket, String key) {
            return software.amazon.awssdk.services.s3.model.PutObjectRequest.builder().bucket(bucket).key(key)
                    .contentType("application/json")
                    .serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256).build();
        }
    }

    /** Whether the shrunk jar kept this overload of a client's operation (only those the function calls stay). */
    private static boolean carries(Class<?> client, String operation, Class<?>... parameters) {
        try {
            client.getMethod(operation, parameters);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
