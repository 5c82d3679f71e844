package dev.winback.core.guardrail;

import java.time.Instant;

/** Tells the outside world of pauses and resumptions ({@code rule_paused}, {@code rule_resumed} on the bus). */
public interface GuardrailEvents {

    GuardrailEvents NONE = new GuardrailEvents() {
        @Override
        public void paused(UnitPause pause) {
        }

        @Override
        public void resumed(UnitPause ended, Instant at) {
        }
    };

    void paused(UnitPause pause);

    /** @param ended the pause the operator ended */
    void resumed(UnitPause ended, Instant at);
}
