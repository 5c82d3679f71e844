package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs in a fresh JVM with only a function's deployable jar (plus this module's classes) on the
 * class path, against an AWS emulator named by {@code AWS_ENDPOINT_URL}: builds every SDK client of
 * {@link AwsClients} whose module is in the jar and makes the call the function makes with it, plus
 * one call that the service answers with an error, so that the client's building (endpoint rules,
 * signer, HTTP client), request marshalling, response parsing and error mapping all run from the
 * jar alone. The deployable is minimised class by class at build time; this proves nothing the SDK
 * loads by name went missing.
 *
 * <p>Prints one line per service, {@code SDKPROBE <service> ok|absent|FAILED <detail>}, and exits 1
 * when any failed. Each service's calls are in a class of their own, loaded only when the service's
 * module is in the jar.
 *
 * <p>Reads {@code PROBE_SECRET_ID}, {@code PROBE_EMAIL_FROM} and
 * {@code PROBE_QUEUE_URL}: resources the caller created in the emulator beforehand.
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
                    case "dynamodb" -> c -> DynamoDbCalls.run(c);
                    case "eventbridge" -> c -> EventBridgeCalls.run(c);
                    case "sqs" -> c -> SqsCalls.run(c, env.get("PROBE_QUEUE_URL"));
                    case "sesv2" -> c -> SesCalls.run(c, env.get("PROBE_EMAIL_FROM"));
                    case "secretsmanager" -> c -> SecretsCalls.run(c, env.get("PROBE_SECRET_ID"));
                    case "sns" -> c -> SnsCalls.run(c);
                    case "s3" -> c -> S3Calls.run(env.get("PROBE_BUCKET"));
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
        static String run(AwsClients c) {
            int tables = c.dynamoDb().listTables(b -> b.limit(10)).tableNames().size();
            return tables + " tables listed; " + expectError(
                    software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> c.dynamoDb().describeTable(b -> b.tableName("winback-probe-no-such-table")));
        }
    }

    private static final class EventBridgeCalls {
        static String run(AwsClients c) {
            var response = c.eventBridge().putEvents(b -> b.entries(e -> e.eventBusName("default")
                    .source("winback.probe").detailType("Probe").detail("{\"probe\":true}")));
            if (response.failedEntryCount() != 0) throw new IllegalStateException("PutEvents failed: " + response);
            return "PutEvents accepted " + response.entries().size() + "; " + expectError(
                    software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.class,
                    () -> c.eventBridge().describeEventBus(b -> b.name("winback-probe-no-such-bus")));
        }
    }

    private static final class SqsCalls {
        static String run(AwsClients c, String queueUrl) {
            var response = c.sqs().sendMessageBatch(b -> b.queueUrl(require(queueUrl, "PROBE_QUEUE_URL"))
                    .entries(e -> e.id("probe-1").messageBody("{\"probe\":true}")));
            if (response.successful().size() != 1) throw new IllegalStateException("SendMessageBatch: " + response);
            return "SendMessageBatch sent 1; " + expectError(
                    software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class,
                    () -> c.sqs().getQueueUrl(b -> b.queueName("winback-probe-no-such-queue")));
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
                    software.amazon.awssdk.services.sesv2.model.NotFoundException.class,
                    () -> c.sesV2().getEmailIdentity(b -> b.emailIdentity("no-such-identity@probe.example")));
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
                    software.amazon.awssdk.services.sns.model.NotFoundException.class,
                    () -> c.sns().getEndpointAttributes(b -> b.endpointArn(
                            "arn:aws:sns:us-east-1:123456789012:endpoint/GCM/winback-probe/00000000-0000-0000-0000-000000000000")));
        }
    }

    /** The audience export's client as it is built there (URLConnection), path-style for the emulator. */
    private static final class S3Calls {
        static String run(String bucket) {
            try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().forcePathStyle(true)
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
                String key = "audiences/probe/manifest.json";
                s3.putObject(b -> b.bucket(require(bucket, "PROBE_BUCKET")).key(key)
                                .serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("{}"));
                return "object put; " + expectError(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                        () -> s3.getObject(b -> b.bucket(bucket).key("audiences/probe/missing")));
            }
        }
    }
}
