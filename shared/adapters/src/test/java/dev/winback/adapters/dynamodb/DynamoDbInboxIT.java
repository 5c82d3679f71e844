package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app inbox against DynamoDB Local: one copy per message, newest first up to a limit, expired ones gone. */
class DynamoDbInboxIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);

    private final LocalTable table = LocalTable.create();

    private DynamoDbInbox inboxAt(Instant now) {
        return new DynamoDbInbox(table.client(), table.name(), new CapacityMeter(), Clock.fixed(now, ZoneOffset.UTC), TTL);
    }

    @Test
    void aSentMessage_readsBackAsStored() {
        SendResult result = inboxAt(AT).send(message("c-1", "m-1", "Hello Ana"));

        assertThat(result).isEqualTo(new SendResult.Accepted("m-1", false));
        assertThat(inboxAt(AT.plusSeconds(1)).read("c-1", 10)).containsExactly(new DynamoDbInbox.Entry("m-1", AT,
                AT.plus(TTL), "marketing", "Hello Ana", "We miss you", "<p>We miss you</p>",
                Map.of("deepLink", "shop://home")));
        assertThat(inboxAt(AT).read("c-2", 10)).isEmpty();
    }

    @Test
    void aRepeatedSend_keepsTheFirstCopyOnly() {
        inboxAt(AT).send(message("c-1", "m-1", "first"));
        inboxAt(AT.plusSeconds(60)).send(message("c-1", "m-1", "second"));

        List<DynamoDbInbox.Entry> entries = inboxAt(AT.plusSeconds(61)).read("c-1", 10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("first");
            assertThat(entry.sentAt()).isEqualTo(AT);
        });
    }

    @Test
    void read_returnsTheNewestFirst_uptoTheLimit() {
        for (int i = 0; i < 12; i++) {
            inboxAt(AT.plusSeconds(i)).send(message("c-1", "m-" + i, "message " + i));
        }

        assertThat(inboxAt(AT.plusSeconds(60)).read("c-1", 3)).extracting(DynamoDbInbox.Entry::messageId)
                .containsExactly("m-11", "m-10", "m-9");
        assertThat(inboxAt(AT.plusSeconds(60)).read("c-1", DynamoDbInbox.MAX_LIMIT)).hasSize(12);
    }

    @Test
    void expiredMessages_areNotRead_evenBeforeTtlRemovesThem() {
        inboxAt(AT).send(message("c-1", "m-old", "old"));
        inboxAt(AT.plus(Duration.ofDays(10))).send(message("c-1", "m-new", "new"));

        assertThat(inboxAt(AT.plus(TTL).minusSeconds(1)).read("c-1", 10)).extracting(DynamoDbInbox.Entry::messageId)
                .containsExactly("m-new", "m-old");
        assertThat(inboxAt(AT.plus(TTL)).read("c-1", 10)).extracting(DynamoDbInbox.Entry::messageId)
                .containsExactly("m-new");
    }

    private static OutboundMessage message(String customerId, String messageId, String subject) {
        return new OutboundMessage(messageId, customerId, Channel.IN_APP, Purpose.MARKETING, customerId,
                new RenderedContent(subject, "<p>We miss you</p>", "We miss you", Map.of("deepLink", "shop://home")),
                Optional.empty());
    }
}
