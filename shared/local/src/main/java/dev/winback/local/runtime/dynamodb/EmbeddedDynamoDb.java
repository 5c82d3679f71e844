package dev.winback.local.runtime.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * DynamoDB Local in this process without its HTTP server: AWS's own engine behind its embedded
 * {@link DynamoDbClient}, in memory, telemetry off. Same validation, conditions, transactions,
 * indexes and consumed capacity as over HTTP, without the per-request cost of signing, marshalling
 * and a socket on both sides (measured: 2.3 times the UpdateItem rate of the HTTP server). The demo
 * uses it; the tests and {@code serve} use {@link LocalDynamoDb}, the real SDK client over HTTP.
 *
 * <p>Its client counts calls in {@link SdkCallCounter} as the SDK's interceptors do for HTTP
 * clients, hands each call to a {@link DynamoDbCallObserver} (a benchmark's billing meter), and
 * ignores {@code close()}: closing this object shuts the engine down.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final AmazonDynamoDBLocal engine;
    private final DynamoDbClient client;
    private final SdkSystemProperties properties;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal engine, DynamoDbCallObserver observer) {
        this.engine = engine;
        this.client = counting(engine.dynamoDbClient(), observer);
        // Other clients in this JVM (the delivery's, when an emulator runs) still need a region and credentials.
        this.properties = SdkSystemProperties.localRegionAndCredentials();
    }

    public static EmbeddedDynamoDb start() {
        return start(DynamoDbCallObserver.NONE);
    }

    public static EmbeddedDynamoDb start(DynamoDbCallObserver observer) {
        boolean disableTelemetry = true;
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(disableTelemetry), observer);
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            engine.shutdownNow();
        } finally {
            properties.close();
        }
    }

    private static DynamoDbClient counting(DynamoDbClient engineClient, DynamoDbCallObserver observer) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return objectMethod(proxy, method, args);
            if (method.getName().equals("close")) return null;
            if (!takesRequest(method)) {
                // Builder-lambda overloads and paginators: run the interface's own default, which
                // builds the request and calls the request-taking method on this proxy, counted once.
                return method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                        : call(engineClient, method, args);
            }
            String name = "DynamoDb." + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            SdkCallCounter.called(name);
            CallSites.called(name);
            DynamoDbRequest request = (DynamoDbRequest) args[0];
            try {
                Object response = call(engineClient, method, args);
                if (response instanceof DynamoDbResponse r) observer.succeeded(request, r);
                return response;
            } catch (Throwable failure) {
                SdkCallCounter.failed(name, failure);
                observer.failed(request, failure);
                throw failure;
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, handler);
    }

    private static Object call(DynamoDbClient target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean takesRequest(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length == 1 && DynamoDbRequest.class.isAssignableFrom(parameters[0]);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "EmbeddedDynamoDb.client";
        };
    }
}
