package dev.winback.local.runtime.publish;

import dev.winback.adapters.eventbridge.EventBridgeGuardrailEvents;
import dev.winback.adapters.json.GuardrailJson;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.guardrail.UnitPause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stand-in for the bus's guardrail events: each {@code RulePaused} and {@code RuleResumed}
 * kept in order, with the detail the bus would carry.
 */
public final class InMemoryGuardrailEvents implements GuardrailEvents {

    /** One event as the bus would get it. */
    public record Published(String detailType, String unit, String detail) {
    }

    private final List<Published> published = new ArrayList<>();

    @Override
    public synchronized void paused(UnitPause pause) {
        published.add(new Published(EventBridgeGuardrailEvents.PAUSED_DETAIL_TYPE, pause.unit(),
                GuardrailJson.pausedDetail(pause)));
    }

    @Override
    public synchronized void resumed(UnitPause ended, Instant at) {
        published.add(new Published(EventBridgeGuardrailEvents.RESUMED_DETAIL_TYPE, ended.unit(),
                GuardrailJson.resumedDetail(ended, at)));
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }
}
