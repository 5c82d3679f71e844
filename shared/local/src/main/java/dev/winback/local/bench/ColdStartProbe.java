package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs in a fresh JVM with only a function's deployable jar (plus the Lambda runtime's event
 * serializer) on the class path: deserialises the sample event as the runtime would, constructs
 * the handler (the init phase), invokes it once and serialises the response as the runtime would.
 * Prints one PROBE line.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        Class<?> eventType = Class.forName(args[1]);
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            event = LambdaEventSerializers.serializerFor(eventType, ColdStartProbe.class.getClassLoader()).fromJson(in);
        }
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
