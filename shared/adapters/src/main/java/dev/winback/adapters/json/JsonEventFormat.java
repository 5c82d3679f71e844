package dev.winback.adapters.json;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.ingest.EventFormat;
import dev.winback.core.ingest.ParseResult;

/** Events as the published JSON contract has them. */
public final class JsonEventFormat implements EventFormat {

    private final EventJsonParser parser = new EventJsonParser();
    private final EventJsonWriter writer = new EventJsonWriter();

    @Override
    public ParseResult parse(String body) {
        return parser.parseMessageBody(body);
    }

    @Override
    public String write(EngagementEvent event) {
        return writer.toJson(event);
    }
}
