package dev.winback.local.runtime.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.winback.local.runtime.dynamodb.SdkSystemProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda context a local invocation gets: a fresh request id, the function's logical id as its
 * name, a deadline measured on the real (not virtual) clock, and a logger writing to stderr.
 */
public record LocalLambdaContext(String functionName, String awsRequestId, long deadlineNanos, int memoryLimitInMb)
        implements Context {

    public static final String ACCOUNT_ID = "123456789012";
    public static final String REGION = SdkSystemProperties.LOCAL_REGION;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MEMORY_MB = 1024;
    private static final LambdaLogger STDERR = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    /** A context for one invocation of {@code functionName}, starting now. */
    public static LocalLambdaContext invoking(String functionName) {
        return new LocalLambdaContext(functionName, UUID.randomUUID().toString(),
                System.nanoTime() + TIMEOUT.toNanos(), MEMORY_MB);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/winback-local/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDERR;
    }
}
