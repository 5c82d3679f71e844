package dev.winback.local.bench;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function's deployable jar works on its own: the shade plugin minimises it class by class and
 * ProGuard then shrinks it member by member (functions/lambda-shrink.pro), neither of which can see
 * what is loaded by name. Each test starts fresh JVMs with only the jar (plus the probes) on the
 * class path. The jars are built in the package phase of the function modules, which
 * the reactor runs before this module's integration tests. The SDK test needs the moto emulator
 * (WINBACK_MOTO_ENDPOINT, which scripts/test sets) and is skipped without it.
 */
class LambdaArtifactsIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** The SDK modules each artifact carries: exactly the services its code calls. */
    private static final Map<String, Set<String>> EXPECTED_SERVICES = Map.ofEntries(
            Map.entry("ingest-events", Set.of("dynamodb", "secretsmanager", "sqs")),
            Map.entry("http-api", Set.of("dynamodb", "eventbridge", "secretsmanager", "sqs")),
            Map.entry("public-links", Set.of("dynamodb", "secretsmanager")),
            Map.entry("cdp-ingest", Set.of("dynamodb", "secretsmanager", "sqs")),
            Map.entry("evaluate-customers", Set.of("dynamodb", "eventbridge", "sqs")),
            Map.entry("fit-purchase-model", Set.of("dynamodb")),
            Map.entry("advance-journeys", Set.of("dynamodb", "sqs")),
            Map.entry("send-campaigns", Set.of("dynamodb", "sqs")),
            Map.entry("process-feedback", Set.of("dynamodb", "eventbridge", "sns", "secretsmanager")),
            Map.entry("deliver-messages", Set.of("dynamodb", "eventbridge", "sns", "sesv2", "secretsmanager")),
            Map.entry("export-audience", Set.of("dynamodb", "s3")),
            Map.entry("import-pinpoint", Set.of("dynamodb", "s3", "secretsmanager")));

    private static SamTemplate template;
    private static List<ColdStartBench.Target> targets;

    @BeforeAll
    static void artifacts() {
        template = SamTemplate.read(ROOT.resolve("template.yaml"));
        // Fails naming the module when a jar is missing: the reactor builds them all before this module.
        targets = ColdStartBench.targets(template, ROOT);
        assertThat(targets).hasSize(template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).size());
    }

    /** Lambda's limit is far higher; a small artifact is what keeps the cold start short (issue goal). */
    private static final long MAX_ARTIFACT_BYTES = 12_000_000;

    @Test
    void everyArtifact_isAtMost12MB() throws IOException {
        Map<String, Long> oversized = new TreeMap<>();
        for (ColdStartBench.Target t : targets) {
            long size = Files.size(t.jar());
            if (size > MAX_ARTIFACT_BYTES) oversized.put(t.jar().getFileName().toString(), size);
        }
        assertThat(oversized).as("artifacts over %d bytes", MAX_ARTIFACT_BYTES).isEmpty();
    }

    @Test
    void everyHandler_runsFromItsJarAlone_onItsSampleEvent() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        List<String> failed = new ArrayList<>();
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start();
             DiscardingObjectStore s3 = DiscardingObjectStore.start(ColdStartSamples.pinpointExport(ROOT.resolve("events")));
             AwsClients clients = new AwsClients()) {
            Map<String, String> tables = TemplateTables.create(template, clients.dynamoDb());
            Map<String, String> env = ColdStartBench.environment(tables.get("EngagementTable"),
                    dynamoDb.endpoint().toString(), s3.endpoint().toString());
            for (ColdStartBench.Target t : targets) {
                if (ColdStartBench.time(ColdStartBench.probeClassPath(t.jar()), t.handler(), t, env, out).failed()) {
                    failed.add(t.functionId());
                }
            }
        }
        assertThat(failed).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyArtifactsSdkClients_workFromItsJarAlone() throws Exception {
        String endpoint = MotoEndpoint.require();
        Map<String, String> env = new LinkedHashMap<>(emulatorResources(endpoint));
        env.putAll(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));

        Map<Path, String> jars = new LinkedHashMap<>();
        for (ColdStartBench.Target t : targets) jars.put(t.jar(), t.jar().getParent().getParent().getFileName().toString());
        for (Map.Entry<Path, String> jar : jars.entrySet()) {
            String module = jar.getValue();
            ProbeRun run = probe(jar.getKey(), env);
            assertThat(run.exit()).as("%s:%n%s", module, run.output()).isZero();
            Set<String> ok = run.lines().stream().filter(l -> l.contains(" ok ")).map(l -> l.split(" ")[1])
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> present = run.lines().stream().filter(l -> !l.endsWith(" absent")).map(l -> l.split(" ")[1])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).as("SDK modules in %s's jar", module).isEqualTo(new TreeSet<>(EXPECTED_SERVICES.get(module)));
            assertThat(ok).as("%s:%n%s", module, run.output()).isEqualTo(present);
        }
    }

    /** Creates what the probe reads or sends to in the emulator, named by PROBE_* variables. */
    private static Map<String, String> emulatorResources(String endpoint) {
        URI uri = URI.create(endpoint);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        String suffix = UUID.randomUUID().toString();
        try (var http = UrlConnectionHttpClient.create();
             DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(uri).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(uri).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build();
             SesV2Client ses = SesV2Client.builder().endpointOverride(uri).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(uri).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(http).build();
             S3Client s3 = S3Client.builder().endpointOverride(uri).region(Region.US_EAST_1).forcePathStyle(true)
                     .credentialsProvider(credentials).httpClient(http).build()) {
            String table = "winback-probe-" + suffix;
            dynamoDb.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            String secret = secrets.createSecret(b -> b.name("winback-probe-" + suffix).secretString("probe-secret")).arn();
            String from = "probe-" + suffix + "@shop.example";
            ses.createEmailIdentity(b -> b.emailIdentity(from));
            String queue = sqs.createQueue(b -> b.queueName("winback-probe-" + suffix)).queueUrl();
            String bucket = "winback-probe-" + suffix;
            s3.createBucket(b -> b.bucket(bucket));
            String objectKey = "exports/probe.json";
            s3.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromString("{}"));
            return Map.of("PROBE_TABLE", table, "PROBE_SECRET_ID", secret, "PROBE_EMAIL_FROM", from,
                    "PROBE_QUEUE_URL", queue, "PROBE_BUCKET", bucket, "PROBE_OBJECT_KEY", objectKey);
        }
    }

    private record ProbeRun(int exit, String output) {
        List<String> lines() {
            return output.lines().filter(l -> l.startsWith("SDKPROBE ")).toList();
        }
    }

    private static ProbeRun probe(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", ColdStartBench.probeClassPath(jar), SdkClientsProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProbeRun(process.waitFor(), output);
    }
}
