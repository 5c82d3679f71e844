package dev.winback.adapters.observe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.winback.core.observe.Metrics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What every handler runs its invocation in: the log lines written meanwhile carry the invocation's
 * ids ({@link InvocationFields}), and the counts the core reported are written as CloudWatch metrics
 * when it ends, once, whether it succeeded or threw.
 */
public final class Observed {

    /** The {@code service} of logs and metrics unless POWERTOOLS_SERVICE_NAME says otherwise. */
    public static final String DEFAULT_SERVICE = "winback";

    /** The first invocation of this environment is the cold start. */
    private static final AtomicBoolean COLD_START = new AtomicBoolean(true);

    private final EmfMetrics metrics;

    public Observed(EmfMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * In Lambda (AWS_LAMBDA_FUNCTION_NAME is set): JSON logs, and metrics on standard output.
     * Elsewhere (the local runtime, tests) logging is left as it is and the counts are dropped.
     */
    public static Observed fromEnvironment(Map<String, String> env) {
        String service = env.getOrDefault("POWERTOOLS_SERVICE_NAME", DEFAULT_SERVICE);
        boolean inLambda = env.containsKey("AWS_LAMBDA_FUNCTION_NAME");
        if (inLambda) JsonLogging.install(service);
        return new Observed(new EmfMetrics(service, inLambda ? System.out::println : line -> { }, Clock.systemUTC()));
    }

    public Metrics metrics() {
        return metrics;
    }

    /** A batch of one is correlated by its message's id; a larger batch by the invocation's request id. */
    public <T> T sqs(SQSEvent event, Context context, Supplier<T> work) {
        List<SQSEvent.SQSMessage> records = event == null ? null : event.getRecords();
        return invoke(context, records != null && records.size() == 1 ? records.getFirst().getMessageId() : null, work);
    }

    public <T> T sns(SNSEvent event, Context context, Supplier<T> work) {
        List<SNSEvent.SNSRecord> records = event == null ? null : event.getRecords();
        return invoke(context, records != null && records.size() == 1 ? records.getFirst().getSNS().getMessageId() : null, work);
    }

    /** Correlated by API Gateway's request id, which its access log and the caller's response carry too. */
    public <T> T api(APIGatewayV2HTTPEvent event, Context context, Supplier<T> work) {
        String requestId = event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return invoke(context, requestId, work);
    }

    public <T> T scheduled(ScheduledEvent event, Context context, Supplier<T> work) {
        return invoke(context, event == null ? null : event.getId(), work);
    }

    /** @param correlationId null to correlate by the invocation's request id */
    public <T> T invoke(Context context, String correlationId, Supplier<T> work) {
        String requestId = context == null ? null : context.getAwsRequestId();
        InvocationFields.enter(new InvocationFields(context == null ? null : context.getFunctionName(), requestId,
                correlationId != null ? correlationId : requestId, COLD_START.getAndSet(false), xrayTraceId()));
        try {
            return work.get();
        } finally {
            metrics.flush();
            InvocationFields.leave();
        }
    }

    /** The Root of the trace header the Java runtime sets per invocation, as Powertools reports it. */
    static String xrayTraceId() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"));
        if (header == null) return null;
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) return part.substring("Root=".length());
        }
        return null;
    }
}
