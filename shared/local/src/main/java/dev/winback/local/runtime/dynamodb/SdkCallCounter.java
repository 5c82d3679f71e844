package dev.winback.local.runtime.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every SDK call made in this JVM by operation, and the HTTP attempts they took (retries
 * included), so the demo can show what its work cost in requests. Registered for every client as a
 * global interceptor (resources/software/amazon/awssdk/global/handlers/execution.interceptors), which
 * only the local module ships: deployed functions do not count.
 */
public final class SdkCallCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();

    /**
     * One count per call and per attempt, by "Service.Operation", and the calls that failed, by
     * "Service.Operation: ExceptionName" (a lost conditional write is a ConditionalCheckFailedException).
     */
    public record Counts(Map<String, Long> calls, Map<String, Long> attempts, Map<String, Long> failures) {
        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalAttempts() {
            return attempts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The calls by operation, busiest first, with the retries they needed. */
        public void print(PrintStream out, long events) {
            out.printf(Locale.ROOT, "AWS requests: %,d calls (%.2f per event), %,d retries%n", totalCalls(),
                    events == 0 ? 0.0 : (double) totalCalls() / events, totalAttempts() - totalCalls());
            calls.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(call -> out.printf(Locale.ROOT, "  %-36s %,10d%n", call.getKey(), call.getValue()));
            if (!failures.isEmpty()) {
                out.println("  failed calls");
                failures.forEach((failure, count) -> out.printf(Locale.ROOT, "    %-62s %,10d%n", failure, count));
            }
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CALLS.computeIfAbsent(name(attributes), k -> new LongAdder()).increment();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ATTEMPTS.computeIfAbsent(name(attributes), k -> new LongAdder()).increment();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String failure = name(attributes) + ": " + context.exception().getClass().getSimpleName();
        FAILURES.computeIfAbsent(failure, k -> new LongAdder()).increment();
    }

    /** A call made without the SDK's pipeline (DynamoDB Local's embedded client), by "Service.Operation". */
    static void called(String name) {
        CALLS.computeIfAbsent(name, k -> new LongAdder()).increment();
        ATTEMPTS.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    static void failed(String name, Throwable failure) {
        FAILURES.computeIfAbsent(name + ": " + failure.getClass().getSimpleName(), k -> new LongAdder()).increment();
    }

    public static Counts snapshot() {
        return new Counts(copy(CALLS), copy(ATTEMPTS), copy(FAILURES));
    }

    public static void reset() {
        CALLS.clear();
        ATTEMPTS.clear();
        FAILURES.clear();
    }

    private static String name(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static Map<String, Long> copy(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }
}
