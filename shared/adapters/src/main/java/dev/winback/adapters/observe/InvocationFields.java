package dev.winback.adapters.observe;

/**
 * What every log line says about the invocation it was written in, under Powertools for AWS Lambda's
 * field names, so its queries and Logs Insights recipes work on Winback's logs. Values are ids only.
 *
 * @param correlationId the id that follows the work across services: the API request's id, the SQS
 *                      message's id (for a batch of one), the scheduled event's id, else the request id
 * @param xrayTraceId   null when tracing is off
 */
public record InvocationFields(String functionName, String requestId, String correlationId, boolean coldStart,
                               String xrayTraceId) {

    /** Outside any invocation: at start-up, in tests, in the local runtime. */
    public static final InvocationFields NONE = new InvocationFields(null, null, null, false, null);

    /**
     * The invocation running now. One per process: Lambda runs one invocation at a time in an
     * environment, and the threads an invocation starts (delivery's senders) log under its id too.
     */
    private static volatile InvocationFields current = NONE;

    public static InvocationFields current() {
        return current;
    }

    static void enter(InvocationFields fields) {
        current = fields;
    }

    static void leave() {
        current = NONE;
    }
}
