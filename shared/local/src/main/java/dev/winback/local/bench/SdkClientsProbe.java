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

    private static final class DynamoDbCalls {
        static String run(AwsClients c, String table) {
            var key = Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("probe"));
            boolean found = c.dynamoDb().getItem(b -> b.tableName(require(table, "PROBE_TABLE")).key(key)).hasItem();
            return "GetItem answered (item " + (found ? "found" : "absent") + "); " + expectError(
                    software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> c.dynamoDb().getItem(b -> b.tableName("winback-probe-no-such-table").key(key)));
        }
    }

    private static final class EventBridgeCalls {
        static String run(AwsClients c) {
            var response = c.eventBridge().putEvents(b -> b.entries(e -> e.eventBusName("default")
                    .source("winback.probe").detailType("Probe").detail("{\"probe\":true}")));
            if (response.failedEntryCount() != 0) throw new IllegalStateException("PutEvents failed: " + response);
            return "PutEvents accepted " + response.entries().size() + "; " + expectError(
                    software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.class,
                    () -> c.eventBridge().putEvents(b -> b.entries(e -> e.eventBusName("winback-probe-no-such-bus")
                            .source("winback.probe").detailType("Probe").detail("{\"probe\":true}"))));
        }
    }

    private static final class SqsCalls {
        static String run(AwsClients c, String queueUrl) {
            var response = c.sqs().sendMessageBatch(b -> b.queueUrl(require(queueUrl, "PROBE_QUEUE_URL"))
                    .entries(e -> e.id("probe-1").messageBody("{\"probe\":true}")));
            if (response.successful().size() != 1) throw new IllegalStateException("SendMessageBatch: " + response);
            return "SendMessageBatch sent 1; " + expectError(
                    software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class,
                    () -> c.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl.substring(0, queueUrl.lastIndexOf('/') + 1)
                            + "winback-probe-no-such-queue").entries(e -> e.id("probe-1").messageBody("{\"probe\":true}"))));
        }
    }

    private static final class SesCalls {
        static String run(AwsClients c, String from) {
            String id = c.sesV2().sendEmail(b -> b.fromEmailAddress(require(from, "PROBE_EMAIL_FROM"))
                    .destination(d -> d.toAddresses("probe@example.com"))
                    .content(content -> content.simple(m -> m.subject(s -> s.data("Probe"))
                            .body(body -> body.text(t -> t.data("Probe")))))).messageId();
            if (id == null || id.isBlank()) throw new IllegalStateException("SendEmail returned no message id");
            return "SendEmail accepted; " + expectError(
                    software.amazon.awssdk.services.sesv2.model.MessageRejectedException.class,
                    () -> c.sesV2().sendEmail(b -> b.fromEmailAddress("unverified@probe.example")
                            .destination(d -> d.toAddresses("probe@example.com"))
                            .content(content -> content.simple(m -> m.subject(s -> s.data("Probe"))
                                    .body(body -> body.text(t -> t.data("Probe")))))));
        }
    }

    private static final class SecretsCalls {
        static String run(AwsClients c, String secretId) {
            String value = c.secretsManager().getSecretValue(b -> b.secretId(require(secretId, "PROBE_SECRET_ID")))
                    .secretString();
            if (value == null || value.isEmpty()) throw new IllegalStateException("GetSecretValue returned no value");
            return "GetSecretValue read the secret; " + expectError(
                    software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class,
                    () -> c.secretsManager().getSecretValue(b -> b.secretId("winback-probe-no-such-secret")));
        }
    }

    private static final class SnsCalls {
        static String run(AwsClients c) {
            String id = c.sns().publish(b -> b.phoneNumber("+15555550100").message("Probe")).messageId();
            if (id == null || id.isBlank()) throw new IllegalStateException("Publish returned no message id");
            return "Publish (SMS) accepted; " + expectError(
                    software.amazon.awssdk.services.sns.model.InvalidParameterException.class,
                    () -> c.sns().publish(b -> b.phoneNumber("not-a-phone-number").message("Probe")));
        }
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
