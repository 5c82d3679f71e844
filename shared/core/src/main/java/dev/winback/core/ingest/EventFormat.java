package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;

/** The wire format of events: how a raw body is read, and how an event is written back as one. */
public interface EventFormat {

    /** Reads one body: a bare event or one wrapped in its delivering system's envelope. */
    ParseResult parse(String body);

    /** The event as the contract writes it, for keeping a refused event as it would have been sent. */
    String write(EngagementEvent event);
}
