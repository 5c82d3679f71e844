package dev.winback.local.runtime.schedule;

import java.time.Instant;

/**
 * What a target is asked to run: one invocation standing for every firing that fell due since the
 * schedule last ran.
 *
 * @param scheduledAt the latest due firing, the time EventBridge would stamp on the event
 * @param coalesced   earlier due firings folded into this one (0 when the clock moved less than a period)
 */
public record ScheduledRun(ScheduleDefinition schedule, Instant scheduledAt, long coalesced) {
}
