package dev.winback.core.evaluation;

import dev.winback.core.event.Channel;
import dev.winback.core.sunset.SunsetAction;
import dev.winback.core.record.SunsetState;

/** A channel's sunset moved at this evaluation: what it asks for, where it now stands, and why. */
public record SunsetChange(Channel channel, SunsetAction action, SunsetState next, String explanation) {
}
