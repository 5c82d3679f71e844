package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import dev.winback.adapters.config.SnapStartPriming;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs in a fresh JVM with only a function's deployable jar (plus the Lambda runtime's event
 * serializer) on the class path: deserialises the sample event as the runtime would, constructs
 * the handler (the init phase), invokes it once and serialises the response as the runtime would.
 * Prints one PROBE line.
 *
 * <p>With a fourth argument {@code primed}: after the init phase it runs the function's SnapStart
 * priming as a checkpoint would ({@link SnapStartPriming#primeAll}), then times the first real call
 * and then warm calls, each on its own variant of the sample ({@link SampleVariants}: the same work,
 * never a repeat of an earlier call's events), and prints them instead. A JVM restored from a snapshot
 * also pays for page faults this one does not, so this is the lower bound.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        Class<?> eventType = Class.forName(args[1]);
        Path sample = Path.of(args[2]);
        if (args.length > 3 && args[3].equals("primed")) {
            primed(handlerClass, eventType, sample);
            return;
        }
        Object event = read(eventType, sample);
        long started = System.nanoTime();
        RequestHandler handler = (RequestHandler) Class.forName(handlerClass).getConstructor().newInstance();
        long constructed = System.nanoTime();
        Object result = handler.handleRequest(event, null);
        long invoked = System.nanoTime();
        int responseBytes = result == null ? 0 : serialize(result).length;
        // The JVM's CPU time so far, all threads (JIT compilers and GC included).
        double cpuMs = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "PROBE init_ms=%.1f invoke_ms=%.1f result=%s response_bytes=%d cpu_ms=%.1f%n",
                (constructed - started) / 1e6, (invoked - constructed) / 1e6,
                result == null ? "null" : result.getClass().getSimpleName(), responseBytes, cpuMs);
    }

    /**
     * How many times priming runs before the first call: once, as the functions' checkpoint hooks
     * run it; more ({@code -Dcoldstart.primings=N} in the bench's {@code --probe-options}) shows what
     * of the rest is the JIT compiler's warm-up, which a hook that primed repeatedly would take into
     * the snapshot.
     */
    private static final int PRIMINGS = Integer.getInteger("coldstart.primings", 1);

    /** Warm calls timed after the first; the median is reported. */
    private static final int WARM_CALLS = 7;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void primed(String handlerClass, Class<?> eventType, Path sample) throws Exception {
        // The variants are made before the handler exists, so that nothing they use counts as warmed.
        String text = Files.readString(sample);
        String[] variants = new String[WARM_CALLS + 1];
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i <= WARM_CALLS; i++) variants[i] = SampleVariants.vary(text, "-p" + pid + "c" + i);
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        // Read once before the handler exists, so that the beans' own classes are not counted as the call's.
        gcMillis();
        cpuMillis();
        RequestHandler handler = (RequestHandler) Class.forName(handlerClass).getConstructor().newInstance();
        PojoSerializer responses = responseSerializer(handler.getClass());
        int primed = 0;
        for (int i = 0; i < PRIMINGS; i++) primed += SnapStartPriming.primeAll();
        Object firstEvent = read(eventType, variants[0]);
        Class.forName(FirstCallStarts.class.getName());
        long loadedBefore = classes.getTotalLoadedClassCount();
        long gcBefore = gcMillis();
        double cpuBefore = cpuMillis();
        double first = timedCall(handler, firstEvent, responses);
        double firstCpu = cpuMillis() - cpuBefore;
        long gcByFirst = gcMillis() - gcBefore;
        long loadedByFirst = classes.getTotalLoadedClassCount() - loadedBefore;
        Class.forName(FirstCallEnded.class.getName());
        double[] warm = new double[WARM_CALLS];
        double[] warmCpu = new double[WARM_CALLS];
        long loadedByWarm = 0;
        for (int i = 0; i < WARM_CALLS; i++) {
            Object event = read(eventType, variants[i + 1]);
            long before = classes.getTotalLoadedClassCount();
            double cpu = cpuMillis();
            warm[i] = timedCall(handler, event, responses);
            warmCpu[i] = cpuMillis() - cpu;
            loadedByWarm += classes.getTotalLoadedClassCount() - before;
        }
        java.util.Arrays.sort(warm);
        java.util.Arrays.sort(warmCpu);
        // Classes the first call loaded that priming did not, and what all warm calls loaded after it;
        // the collections' pause time in the first call (a full one when metaspace outgrows its threshold).
        // The CPU time of the whole JVM during a call (its threads, the JIT compiler's and GC's too) is
        // what the call cost; wall-clock time on a machine shared with other work also counts waiting.
        System.out.printf(Locale.ROOT, "PROBE primings=%d primed_first_ms=%.2f warm_ms=%.2f first_loaded=%d"
                + " warm_loaded=%d first_gc_ms=%d first_cpu_ms=%.1f warm_cpu_ms=%.1f%n", primed, first,
                warm[WARM_CALLS / 2], loadedByFirst, loadedByWarm, gcByFirst, firstCpu, warmCpu[WARM_CALLS / 2]);
    }

    /**
     * Loaded just before and just after the first call after priming: with {@code -Xlog:class+load}
     * on the probe, the classes logged between the two are the ones that call loaded.
     */
    private static final class FirstCallStarts {
    }

    private static final class FirstCallEnded {
    }

    /**
     * The JVM's CPU time so far, all threads, in milliseconds. The operating system counts it in clock
     * ticks (10 ms here): coarse for a call of a few tens of milliseconds, hence the median of several.
     */
    private static double cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    /** The collectors' accumulated time, in milliseconds. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** One call and the serialisation of its response, in milliseconds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double timedCall(RequestHandler handler, Object event, PojoSerializer responses) {
        long started = System.nanoTime();
        Object result = handler.handleRequest(event, null);
        if (result != null) responses.toJson(result, OutputStream.nullOutputStream());
        return (System.nanoTime() - started) / 1e6;
    }

    /**
     * The serialiser for the handler's declared response type, made as the runtime makes it when it
     * loads the handler (during init, so before a snapshot): the first call pays for using it, not
     * for building it.
     */
    @SuppressWarnings("rawtypes")
    static PojoSerializer responseSerializer(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type response = p.getActualTypeArguments()[1];
                    Class<?> raw = response instanceof ParameterizedType r ? (Class<?>) r.getRawType()
                            : (Class<?>) response;
                    return LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())
                            ? LambdaEventSerializers.serializerFor(raw, ColdStartProbe.class.getClassLoader())
                            : JacksonFactory.getInstance().getSerializer(response);
                }
            }
        }
        throw new IllegalArgumentException(handlerClass.getName() + " is no RequestHandler<I, O>");
    }

    private static Object read(Class<?> eventType, Path sample) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(sample)) {
            return LambdaEventSerializers.serializerFor(eventType, ColdStartProbe.class.getClassLoader()).fromJson(in);
        }
    }

    private static Object read(Class<?> eventType, String sample) {
        return LambdaEventSerializers.serializerFor(eventType, ColdStartProbe.class.getClassLoader()).fromJson(
                new java.io.ByteArrayInputStream(sample.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The response as the runtime writes it: its event serialiser for event types, else its POJO serialiser. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] serialize(Object result) {
        Class type = result.getClass();
        PojoSerializer serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, ColdStartProbe.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(result, out);
        return out.toByteArray();
    }
}
