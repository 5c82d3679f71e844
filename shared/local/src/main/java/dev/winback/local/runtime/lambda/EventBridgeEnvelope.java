package dev.winback.local.runtime.lambda;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Wraps an engagement event the way it reaches the ingest queue in AWS: the template's rule sends
 * the whole EventBridge envelope (no InputPath), with the event as {@code detail}.
 */
public final class EventBridgeEnvelope {

    /** What the template's rule on the bus matches (EventPattern detail-type). */
    public static final String DETAIL_TYPE = "EngagementEvent";
    public static final String SOURCE = "winback.local";

    private EventBridgeEnvelope() {
    }

    /**
     * @param detailJson one event, contract v1 JSON, embedded as is
     * @param putAt      when it was put on the bus, from the virtual clock
     */
    public static String wrap(String detailJson, Instant putAt) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"detail-type\":\"" + DETAIL_TYPE
                + "\",\"source\":\"" + SOURCE
                + "\",\"account\":\"" + LocalLambdaContext.ACCOUNT_ID
                + "\",\"time\":\"" + putAt.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"region\":\"" + LocalLambdaContext.REGION
                + "\",\"resources\":[],\"detail\":" + detailJson + "}";
    }
}
