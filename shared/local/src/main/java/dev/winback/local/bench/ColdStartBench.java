package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.config.AwsClients;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cold start of each function: a fresh JVM runs its deployable jar's handler once on its sample
 * event against DynamoDB Local and serialises the response, timed from process start to exit, next
 * to a do-nothing handler timed the same way in the same run. JVM flags are the template's (C1 only,
 * as in Lambda).
 */
final class ColdStartBench {

    /** Timed runs per handler (and per hello-world) by default; the median is reported. */
    static final int RUNS = 3;
    private static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    record Target(String functionId, Path jar, String handler, Class<?> eventType, Path sample) { }

    /**
     * One probe JVM: wall-clock milliseconds from start to exit, and the CPU time the JVM used (all
     * its threads, as it reported just before exiting), which other work on the machine moves less.
     * Both NaN when the probe failed.
     */
    record Run(double wallMs, double cpuMs) {
        boolean failed() {
            return Double.isNaN(wallMs);
        }
    }

    private ColdStartBench() {
    }

    /**
     * @param only         the functions to probe (by template id), else all; a sample may rely on
     *                     records an earlier function's sample wrote (delivery on the ingested customer)
     * @param probeOptions JVM options added to every probe's (to look into one: {@code -Xint},
     *                     {@code -Xlog:class+load})
     */
    static int run(int runs, Optional<Set<String>> only, List<String> probeOptions, Path templatePath,
                   PrintStream out) {
        Path root = templatePath.toAbsolutePath().getParent();
        SamTemplate template = SamTemplate.read(templatePath);
        Path events = root.resolve("events");
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start();
             DiscardingObjectStore s3 = DiscardingObjectStore.start(ColdStartSamples.pinpointExportVariants(events));
             AwsClients clients = new AwsClients()) {
            Path generated = Files.createTempDirectory("winback-coldstart-samples");
            generated.toFile().deleteOnExit();
            List<Target> targets = targets(template, root, Map.of(
                    "PublicLinksFunction", ColdStartSamples.publicLinks(events, generated),
                    "DeliverMessagesFunction", ColdStartSamples.delivery(events, generated)));
            Map<String, String> tables = TemplateTables.create(template, clients.dynamoDb());
            Map<String, String> env = environment(tables.get("EngagementTable"), dynamoDb.endpoint().toString(),
                    s3.endpoint().toString());
            int failures = 0;
            for (Target t : targets) {
                if (only.isPresent() && !only.get().contains(t.functionId())) continue;
                String cp = probeClassPath(t.jar());
                // Alternated, so that load from other work on the machine falls on both alike.
                Run[] hellos = new Run[runs];
                Run[] firsts = new Run[runs];
                for (int i = 0; i < runs; i++) {
                    hellos[i] = time(cp, HelloHandler.class.getName(), t, env, probeOptions, out);
                    firsts[i] = time(cp, t.handler(), t, env, probeOptions, out);
                }
                double hello = median(hellos, Run::wallMs);
                double first = median(firsts, Run::wallMs);
                double helloCpu = median(hellos, Run::cpuMs);
                double firstCpu = median(firsts, Run::cpuMs);
                double mb = Files.size(t.jar()) / (1024.0 * 1024.0);
                if (Double.isNaN(first)) failures++;
                out.printf("  %-25s first call %5.0f ms   hello-world %4.0f ms   ratio %.2f   CPU %5.0f / %4.0f ms = %.2f   artifact %.1f MB%n",
                        t.functionId(), first, hello, first / hello, firstCpu, helloCpu, firstCpu / helloCpu, mb);
                Primed[] primedRuns = new Primed[runs];
                for (int i = 0; i < runs; i++) primedRuns[i] = primed(cp, t, env, probeOptions, out);
                double primedFirst = median(primedRuns, Primed::firstMs);
                double warm = median(primedRuns, Primed::warmMs);
                double firstLoaded = median(primedRuns, Primed::firstLoaded);
                if (Double.isNaN(primedFirst)) failures++;
                double firstGc = median(primedRuns, Primed::firstGcMs);
                double primedFirstCpu = median(primedRuns, Primed::firstCpuMs);
                double warmCpu = median(primedRuns, Primed::warmCpuMs);
                out.printf("  %-25s after priming: first call %6.1f ms   warm call %6.1f ms   ratio %.2f"
                        + "   CPU %6.1f / %6.1f ms = %.2f%n", t.functionId(), primedFirst, warm, primedFirst / warm,
                        primedFirstCpu, warmCpu, primedFirstCpu / warmCpu);
                out.printf("  %-25s classes loaded by the first call %.0f, by the warm calls %.0f;"
                        + " GC in the first call %.0f ms%n",
                        "", firstLoaded, median(primedRuns, Primed::warmLoaded), firstGc);
                out.printf("RESULT coldstart function=%s first_call_ms=%.0f hello_ms=%.0f ratio=%.2f artifact_mb=%.1f"
                        + " first_call_cpu_ms=%.0f hello_cpu_ms=%.0f cpu_ratio=%.2f primed_first_ms=%.1f warm_ms=%.1f"
                        + " primed_ratio=%.2f primed_first_cpu_ms=%.1f warm_cpu_ms=%.1f primed_cpu_ratio=%.2f"
                        + " primed_first_loaded=%.0f primed_first_gc_ms=%.0f%n",
                        t.functionId(), first, hello, first / hello, mb, firstCpu, helloCpu, firstCpu / helloCpu,
                        primedFirst, warm, primedFirst / warm, primedFirstCpu, warmCpu, primedFirstCpu / warmCpu,
                        firstLoaded, firstGc);
            }
            return failures == 0 ? 0 : 1;
        } catch (IOException e) {
            throw new IllegalStateException("cold-start benchmark failed", e);
        }
    }

    /**
     * What every probe JVM gets: the table, DynamoDB Local, an S3 endpoint that keeps nothing, a fake
     * region and credentials, and the configuration the functions refuse to start without (the
     * delivery functions' brand, shop and link base; email and the webhook stay off, as the template
     * leaves them by default).
     */
    static Map<String, String> environment(String table, String dynamoDbEndpoint, String s3Endpoint) {
        return Map.ofEntries(Map.entry("WINBACK_TABLE", table), Map.entry("WINBACK_EVENT_BUS", "winback-bench"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint), Map.entry("AWS_ENDPOINT_URL_S3", s3Endpoint),
                // The evaluator builds its SQS client at start; with nothing due it sends nothing.
                Map.entry("WINBACK_DELIVERY_QUEUE_URL", "http://localhost:1/000000000000/winback-bench-delivery"),
                // CDP ingest sends to the ingest queue; unreachable here, it answers retry.
                Map.entry("WINBACK_INGEST_QUEUE_URL", "http://localhost:1/000000000000/winback-bench-ingest"),
                // Delivery's sends and decisions: refused here too, so that no probe ever reaches AWS.
                Map.entry("AWS_ENDPOINT_URL_SNS", "http://localhost:1"),
                Map.entry("AWS_ENDPOINT_URL_SESV2", "http://localhost:1"),
                Map.entry("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://localhost:1"),
                Map.entry("WINBACK_BRAND_NAME", "Winback Bench"), Map.entry("WINBACK_SHOP_URL", "https://shop.example"),
                Map.entry("WINBACK_LINK_BASE_URL", "https://links.example"),
                Map.entry("WINBACK_AUDIENCE_BUCKET", "winback-bench-audiences"),
                Map.entry("AWS_REGION", "us-east-1"), Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"));
    }

    /**
     * A probe JVM's class path: the function's deployable jar, the Lambda runtime's serialiser and
     * this module's own classes (the probes), never the function's other dependencies.
     */
    static String probeClassPath(Path jar) {
        return String.join(File.pathSeparator, jar.toString(), codeSource(LambdaEventSerializers.class),
                codeSource(ColdStartProbe.class));
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no class path entry for " + type.getName(), e);
        }
    }

    static List<Target> targets(SamTemplate template, Path root) {
        return targets(template, root, Map.of());
    }

    /**
     * @param generated the samples of the functions whose shipped sample is not theirs (public links,
     *                  delivery), by function id; the shipped sample of each handler's event type otherwise
     */
    static List<Target> targets(SamTemplate template, Path root, Map<String, Path> generated) {
        List<Target> out = new ArrayList<>();
        template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).forEach((id, resource) -> {
            JsonNode props = resource.path("Properties");
            String module = Path.of(props.path("CodeUri").asText()).getFileName().toString();
            String handler = props.path("Handler").asText().split("::")[0];
            JsonNode events = props.path("Events");
            boolean http = events.toString().contains("\"HttpApi\"");
            boolean scheduled = events.toString().contains("\"Schedule\"");
            boolean sns = events.toString().contains("\"SNS\"");
            boolean s3 = events.toString().contains("\"S3\"");
            // A rule with a constant Input invokes the handler with that JSON, as a direct invocation does.
            boolean direct = scheduled && events.toString().contains("\"Input\"");
            Class<?> type = http ? APIGatewayV2HTTPEvent.class : direct ? Map.class
                    : scheduled ? ScheduledEvent.class : sns ? SNSEvent.class : s3 ? S3Event.class : SQSEvent.class;
            Path sample = generated.containsKey(id) ? generated.get(id)
                    : root.resolve(module.equals("cdp-ingest") ? "events/apigw-post-cdp.json"
                    : http ? "events/apigw-post-events.json"
                    : direct ? "events/invoke-" + module + ".json"
                    : scheduled ? "events/eventbridge-scheduled-event.json"
                    : sns ? "events/sns-ses-delivery.json" : s3 ? "events/s3-pinpoint-export-created.json"
                    : "events/sqs-engagement-batch.json");
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

    /** One probe JVM; when it failed, its output is printed. */
    static Run time(String cp, String handler, Target t, Map<String, String> env, PrintStream out) {
        return time(cp, handler, t, env, List.of(), out);
    }

    static Run time(String cp, String handler, Target t, Map<String, String> env, List<String> probeOptions,
                    PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(probeOptions);
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
                return new Run(Double.NaN, Double.NaN);
            }
            String cpu = probe.get().replaceAll(".*\\bcpu_ms=([0-9.]+).*", "$1");
            return new Run(millis, Double.parseDouble(cpu));
        } catch (IOException e) {
            throw new IllegalStateException("could not start a probe JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The first call after the function's SnapStart priming, and a warm call (median of several), in ms. */
    record Primed(double firstMs, double warmMs, double firstLoaded, double warmLoaded, double firstGcMs,
                  double firstCpuMs, double warmCpuMs) { }

    /** One probe JVM in primed mode; NaN figures (and its output printed) when it failed. */
    static Primed primed(String cp, Target t, Map<String, String> env, List<String> probeOptions, PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(probeOptions);
        command.addAll(List.of("-cp", cp, ColdStartProbe.class.getName(), t.handler(), t.eventType().getName(),
                t.sample().toString(), "primed"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Optional<String> probe = text.lines().filter(l -> l.startsWith("PROBE")).findFirst();
            if (exit != 0 || probe.isEmpty() || probe.get().contains("primings=0")) {
                out.println("  primed probe failed for " + t.handler() + " (exit " + exit + "):");
                text.lines().limit(15).forEach(l -> out.println("    " + l));
                return new Primed(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Primed(figure(probe.get(), "primed_first_ms"), figure(probe.get(), "warm_ms"),
                    figure(probe.get(), "first_loaded"), figure(probe.get(), "warm_loaded"),
                    figure(probe.get(), "first_gc_ms"), figure(probe.get(), "first_cpu_ms"),
                    figure(probe.get(), "warm_cpu_ms"));
        } catch (IOException e) {
            throw new IllegalStateException("could not start a probe JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code name=number} out of a PROBE line. */
    static double figure(String probeLine, String name) {
        return Double.parseDouble(probeLine.replaceAll(".*\\b" + name + "=([0-9.]+).*", "$1"));
    }

    private static <T> double median(T[] runs, java.util.function.ToDoubleFunction<T> figure) {
        double[] sorted = Arrays.stream(runs).mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
