package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload.ConsentChanged;
import dev.winback.core.event.Purpose;

/** Consent records as the synthetic brand words them. */
final class Consents {

    static final String WORDING_VERSION = "2026-01";

    private Consents() {
    }

    static ConsentChanged marketing(Channel channel, boolean granted, String source) {
        return new ConsentChanged(channel, Purpose.MARKETING, granted, source, WORDING_VERSION);
    }

    static ConsentChanged transactional(Channel channel, boolean granted, String source) {
        return new ConsentChanged(channel, Purpose.TRANSACTIONAL, granted, source, WORDING_VERSION);
    }
}
