package dev.winback.core.evaluation;

/** Where a requested action is published. Each must receive it once; consumers deduplicate on its key. */
public enum Destination {
    /** RetentionActionRequested events on the Winback bus, for anyone to subscribe to. */
    EVENT_BUS,
    /** The delivery queue, which the message delivery works from. */
    DELIVERY_QUEUE
}
