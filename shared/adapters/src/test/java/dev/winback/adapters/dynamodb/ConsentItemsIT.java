package dev.winback.adapters.dynamodb;

import dev.winback.core.consent.ConsentEntry;
import dev.winback.core.consent.ConsentLog;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent log's items in DynamoDB Local: every entry read back as written, oldest first, once. */
class ConsentItemsIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();

    @Test
    void read_returnsTheCustomersLog_oldestFirst_eachEntryAsWritten() {
        List<ConsentEntry> entries = ConsentLog.entriesOf(List.of(
                consent("e-3", AT.plusSeconds(10).plusNanos(5), Channel.SMS, false),
                consent("e-1", AT, Channel.EMAIL, true),
                new EngagementEvent("e-2", "c-1", AT.plusNanos(999_999_999), Optional.of(Platform.WEB),
                        new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, true, "preference-centre", "w-4",
                                Optional.of("wb-abc-1"), Optional.of("203.0.113.9")), AT.plusSeconds(20))));
        assertThat(entries).hasSize(3);

        entries.forEach(this::put);
        entries.forEach(this::put); // the same event makes the same item

        List<ConsentEntry> log = ConsentItems.read(table.client(), table.name(), "c-1");
        assertThat(log).extracting(ConsentEntry::eventId).containsExactly("e-1", "e-2", "e-3");
        assertThat(log).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(ConsentItems.read(table.client(), table.name(), "c-2")).isEmpty();
    }

    private void put(ConsentEntry entry) {
        table.client().putItem(b -> b.tableName(table.name()).item(ConsentItems.item(entry)));
    }

    private static EngagementEvent consent(String eventId, Instant at, Channel channel, boolean granted) {
        return new EngagementEvent(eventId, "c-1", at, Optional.of(Platform.APP),
                new EventPayload.ConsentChanged(channel, Purpose.MARKETING, granted, "app-settings", "w-3"), at);
    }
}
