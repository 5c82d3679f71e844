package dev.winback.core.sunset;

/** What a sunset decision asks the engine to do now. */
public enum SunsetAction {
    /** Send the one re-permission message that asks whether they still want to hear from us. */
    SEND_LAST_CHANCE,
    /** Stop marketing on the channel. */
    ENTER_SUNSET,
    /** The customer answered or opted in again: market to them as usual. */
    LIFT
}
