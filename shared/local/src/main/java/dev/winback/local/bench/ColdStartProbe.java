package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM with only a function's deployable jar (plus the Lambda runtime's event
 * serializer) on the class path: deserialises the sample event as the runtime would, constructs
 * the handler (the init phase) and invokes it once. Prints one PROBE line.
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
        System.out.printf("PROBE init_ms=%.1f invoke_ms=%.1f result=%s%n", (constructed - started) / 1e6,
                (invoked - constructed) / 1e6, result == null ? "null" : result.getClass().getSimpleName());
    }
}
