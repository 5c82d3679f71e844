package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.config.AwsClients;
import dev.winback.local.dynamodb.LocalDynamoDb;
import dev.winback.local.template.SamTemplate;
import dev.winback.local.template.TemplateTables;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cold start of each function: a fresh JVM runs its deployable jar's handler once on its sample
 * event against DynamoDB Local, timed from process start to exit, next to a do-nothing handler
 * timed the same way in the same run. JVM flags are the template's (C1 only, as in Lambda).
 */
final class ColdStartBench {

    static final int RUNS = 3;
    private static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    record Target(String functionId, Path jar, String handler, Class<?> eventType, Path sample) { }

    private ColdStartBench() {
    }

    static int run(List<String> args, Path templatePath, PrintStream out) {
        Path root = templatePath.toAbsolutePath().getParent();
        SamTemplate template = SamTemplate.read(templatePath);
        List<Target> targets = targets(template, root);
        String serializer = classPathEntry("aws-lambda-java-serialization");
        String probeClasses = classPathEntry("shared/local/target/classes");
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(); AwsClients clients = new AwsClients()) {
            Map<String, String> tables = TemplateTables.create(template, clients.dynamoDb());
            Map<String, String> env = Map.of("WINBACK_TABLE", tables.get("EngagementTable"),
                    "WINBACK_EVENT_BUS", "winback-bench", "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    // The evaluator builds its SQS client at start; with nothing due it sends nothing.
                    "WINBACK_DELIVERY_QUEUE_URL", "http://localhost:1/000000000000/winback-bench-delivery",
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");
            int failures = 0;
            for (Target t : targets) {
                String cp = String.join(File.pathSeparator, t.jar().toString(), serializer, probeClasses);
                double hello = median(() -> time(cp, HelloHandler.class.getName(), t, env, out));
                double first = median(() -> time(cp, t.handler(), t, env, out));
                double mb = Files.size(t.jar()) / (1024.0 * 1024.0);
                if (Double.isNaN(first)) failures++;
                out.printf("  %-24s first call %7.0f ms   hello-world %5.0f ms   ratio %.2f   artifact %.1f MB%n",
                        t.functionId(), first, hello, first / hello, mb);
                out.printf("RESULT coldstart function=%s first_call_ms=%.0f hello_ms=%.0f ratio=%.2f artifact_mb=%.1f%n",
                        t.functionId(), first, hello, first / hello, mb);
            }
            return failures == 0 ? 0 : 1;
        } catch (IOException e) {
            throw new IllegalStateException("cold-start benchmark failed", e);
        }
    }

    private static List<Target> targets(SamTemplate template, Path root) {
        List<Target> out = new ArrayList<>();
        template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).forEach((id, resource) -> {
            JsonNode props = resource.path("Properties");
            String module = Path.of(props.path("CodeUri").asText()).getFileName().toString();
            String handler = props.path("Handler").asText().split("::")[0];
            JsonNode events = props.path("Events");
            boolean http = events.toString().contains("\"HttpApi\"");
            boolean scheduled = events.toString().contains("\"Schedule\"");
            boolean sns = events.toString().contains("\"SNS\"");
            Class<?> type = http ? APIGatewayV2HTTPEvent.class : scheduled ? ScheduledEvent.class
                    : sns ? SNSEvent.class : SQSEvent.class;
            Path sample = root.resolve(http ? "events/apigw-post-events.json"
                    : scheduled ? "events/eventbridge-scheduled-event.json"
                    : sns ? "events/sns-ses-delivery.json" : "events/sqs-engagement-batch.json");
            out.add(new Target(id, lambdaJar(root.resolve("functions").resolve(module)), handler, type, sample));
        });
        return out;
    }

    private static Path lambdaJar(Path module) {
        try (Stream<Path> files = Files.list(module.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no deployable jar in " + module + "/target; build first"));
        } catch (IOException e) {
            throw new IllegalStateException("no target directory in " + module + "; build first", e);
        }
    }

    private static String classPathEntry(String fragment) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.replace('\\', '/').contains(fragment)).findFirst()
                .orElseThrow(() -> new IllegalStateException(fragment + " is not on the benchmark's class path"));
    }

    private static double time(String cp, String handler, Target t, Map<String, String> env, PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", cp, ColdStartProbe.class.getName(), handler, t.eventType().getName(),
                t.sample().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            double millis = (System.nanoTime() - started) / 1e6;
            String text = new String(output, StandardCharsets.UTF_8);
            Optional<String> probe = text.lines().filter(l -> l.startsWith("PROBE")).findFirst();
            if (exit != 0 || probe.isEmpty()) {
                out.println("  probe failed for " + handler + " (exit " + exit + "):");
                text.lines().limit(15).forEach(l -> out.println("    " + l));
                return Double.NaN;
            }
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a probe JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double median(java.util.function.DoubleSupplier run) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) times[i] = run.getAsDouble();
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
