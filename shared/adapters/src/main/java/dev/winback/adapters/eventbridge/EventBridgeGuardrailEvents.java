package dev.winback.adapters.eventbridge;

import dev.winback.adapters.json.GuardrailJson;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.guardrail.UnitPause;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Instant;

/**
 * Pauses and resumptions on the Winback bus from {@value #SOURCE}: {@value #PAUSED_DETAIL_TYPE}
 * (detail {@code "type": "rule_paused"}, the unit, the reason and the figures) and
 * {@value #RESUMED_DETAIL_TYPE} ({@code "type": "rule_resumed"}, with the pause it ended). Throws
 * when the bus refuses one; the caller reports it (the stored state is the record).
 */
public final class EventBridgeGuardrailEvents implements GuardrailEvents {

    public static final String SOURCE = "winback.guardrails";
    public static final String PAUSED_DETAIL_TYPE = "RulePaused";
    public static final String RESUMED_DETAIL_TYPE = "RuleResumed";

    private final EventBridgeClient eventBridge;
    private final String eventBus;

    public EventBridgeGuardrailEvents(EventBridgeClient eventBridge, String eventBus) {
        this.eventBridge = eventBridge;
        this.eventBus = eventBus;
    }

    @Override
    public void paused(UnitPause pause) {
        put(PAUSED_DETAIL_TYPE, pause.pausedAt(), GuardrailJson.pausedDetail(pause));
    }

    @Override
    public void resumed(UnitPause ended, Instant at) {
        put(RESUMED_DETAIL_TYPE, at, GuardrailJson.resumedDetail(ended, at));
    }

    private void put(String detailType, Instant at, String detail) {
        var response = eventBridge.putEvents(b -> b.entries(e -> e.eventBusName(eventBus).source(SOURCE)
                .detailType(detailType).time(at).detail(detail)));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("the bus refused the " + detailType + " event");
        }
    }
}
