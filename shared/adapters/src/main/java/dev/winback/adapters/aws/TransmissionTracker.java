package dev.winback.adapters.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Tells whether a synchronous SDK call got as far as handing a request to the HTTP client. A
 * failure before that point (credentials, signing, a throttle decided client-side) certainly sent
 * nothing and may be retried; after it the provider may have accepted the message.
 *
 * <p>Install it on the client ({@link #install}) and wrap each call in {@link #begin()}. A sender
 * whose client lacks the tracker must assume every failure may have been sent.
 */
public final class TransmissionTracker implements ExecutionInterceptor {

    public static final TransmissionTracker INSTANCE = new TransmissionTracker();

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private TransmissionTracker() {
    }

    /** Adds the tracker to a client's configuration. */
    public static ClientOverrideConfiguration.Builder install(ClientOverrideConfiguration.Builder builder) {
        return builder.addExecutionInterceptor(INSTANCE);
    }

    /** Whether a client was built with the tracker. */
    public static boolean installedOn(ClientOverrideConfiguration configuration) {
        return configuration.executionInterceptors().contains(INSTANCE);
    }

    /** Starts tracking the calls this thread makes until the returned call is closed. */
    public static Call begin() {
        Call call = new Call();
        CURRENT.set(call);
        return call;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        Call call = CURRENT.get();
        if (call != null) call.transmitted = true;
    }

    /** One tracked call (with all its SDK attempts). */
    public static final class Call implements AutoCloseable {
        private boolean transmitted;

        private Call() {
        }

        /** Whether some attempt of the call was handed to the HTTP client. */
        public boolean transmitted() {
            return transmitted;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) CURRENT.remove();
        }
    }
}
