package dev.winback.core.cdp;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.ArrivalWindow;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCdpMessagesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ANONYMOUS = AnonymousIds.customerIdOf("dev-1");

    private final InMemoryLinks links = new InMemoryLinks();
    private final InMemoryEngagementStore records = new InMemoryEngagementStore();
    private final List<EngagementEvent> queued = new ArrayList<>();
    private boolean queueRefuses;
    private final IngestCdpMessages ingest = new IngestCdpMessages(links, records, events -> {
        queued.addAll(queueRefuses ? List.of() : events);
        return events.stream().map(e -> !queueRefuses).toList();
    }, ArrivalWindow.DEFAULT, Warnings.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anonymousEvents_stayWithTheAnonymousId_untilItIsLinked_thenGoToTheCustomer() {
        assertThat(ingest.take(List.of(new CdpMessage.Events(List.of(session("s-1", ANONYMOUS))))))
                .containsExactly(new CdpOutcome.Accepted(1));
        assertThat(queued.getLast().customerId()).isEqualTo(ANONYMOUS);

        ingest.take(List.of(new CdpMessage.Link(ANONYMOUS, "c-ana", List.of())));
        ingest.take(List.of(new CdpMessage.Events(List.of(session("s-2", ANONYMOUS)))));

        assertThat(queued.getLast().eventId()).isEqualTo("s-2");
        assertThat(queued.getLast().customerId()).isEqualTo("c-ana");
    }

    @Test
    void aNewLink_foldsTheAnonymousRecordOnce_withTheIdentifysOwnEventsForTheCustomer() {
        store(session("s-1", ANONYMOUS));
        CdpMessage.Link identify = new CdpMessage.Link(ANONYMOUS, "c-ana", List.of(session("i-1", "c-ana")));

        assertThat(ingest.take(List.of(identify))).containsExactly(new CdpOutcome.Accepted(1));
        assertThat(queued).extracting(EngagementEvent::customerId).containsOnly("c-ana");
        assertThat(queued).extracting(EngagementEvent::eventId).anyMatch(id -> id.startsWith("fold-")).contains("i-1");

        queued.clear();
        ingest.take(List.of(identify));
        assertThat(queued).extracting(EngagementEvent::eventId).containsExactly("i-1");
    }

    @Test
    void aFoldTheQueueRefused_isAnsweredRetry_andRepeatedOnTheNextIdentify() {
        store(session("s-1", ANONYMOUS));
        CdpMessage.Link identify = new CdpMessage.Link(ANONYMOUS, "c-ana", List.of());
        queueRefuses = true;

        assertThat(ingest.take(List.of(identify))).containsExactly(new CdpOutcome.Retry());

        queueRefuses = false;
        assertThat(ingest.take(List.of(identify))).containsExactly(new CdpOutcome.Accepted(0));
        assertThat(queued).extracting(EngagementEvent::eventId).allMatch(id -> id.startsWith("fold-")).isNotEmpty();
    }

    @Test
    void theFirstLinkHolds_anotherCustomerNamingTheSameAnonymousIdFoldsNothing() {
        store(session("s-1", ANONYMOUS));
        ingest.take(List.of(new CdpMessage.Link(ANONYMOUS, "c-ana", List.of())));
        queued.clear();

        ingest.take(List.of(new CdpMessage.Link(ANONYMOUS, "c-bob", List.of(session("i-2", "c-bob")))));
        ingest.take(List.of(new CdpMessage.Events(List.of(session("s-3", ANONYMOUS)))));

        assertThat(queued).extracting(EngagementEvent::customerId).containsExactly("c-bob", "c-ana");
    }

    @Test
    void aMessageDatedTooFarAhead_isRefused_andNoneOfItIsQueued() {
        EngagementEvent ahead = new EngagementEvent("f-1", "c-1", NOW.plusSeconds(3600), Optional.of(Platform.WEB),
                new EventPayload.SessionStarted(Platform.WEB));

        List<CdpOutcome> outcomes = ingest.take(List.of(new CdpMessage.Events(List.of(ahead)),
                new CdpMessage.Events(List.of(session("ok-1", "c-1")))));

        assertThat(outcomes.getFirst()).isInstanceOf(CdpOutcome.Refused.class);
        assertThat(((CdpOutcome.Refused) outcomes.getFirst()).errors().getFirst().field()).isEqualTo("occurredAt");
        assertThat(outcomes.get(1)).isEqualTo(new CdpOutcome.Accepted(1));
        assertThat(queued).extracting(EngagementEvent::eventId).containsExactly("ok-1");
    }

    @Test
    void whenTheLinksCannotBeRead_everyMessageIsAnsweredRetry() {
        links.failing = true;

        assertThat(ingest.take(List.of(new CdpMessage.Events(List.of(session("s-1", ANONYMOUS))))))
                .containsExactly(new CdpOutcome.Retry());
        assertThat(queued).isEmpty();
    }

    private static EngagementEvent session(String id, String customerId) {
        return new EngagementEvent(id, customerId, NOW.minusSeconds(3600), Optional.of(Platform.APP),
                new EventPayload.SessionStarted(Platform.APP));
    }

    private void store(EngagementEvent event) {
        records.save(StoredRecord.absent(event.customerId()), RecordUpdate.apply(
                EngagementRecord.empty(event.customerId()), List.of(event), Map.of()));
    }

    private static final class InMemoryLinks implements CustomerLinks {
        private final Map<String, Link> links = new HashMap<>();
        boolean failing;

        @Override
        public Map<String, Link> linksOf(Collection<String> anonymousCustomerIds) {
            if (failing) throw new IllegalStateException("links unavailable");
            Map<String, Link> found = new HashMap<>();
            for (String id : anonymousCustomerIds) if (links.containsKey(id)) found.put(id, links.get(id));
            return found;
        }

        @Override
        public Link link(String anonymousCustomerId, String customerId) {
            return links.computeIfAbsent(anonymousCustomerId, id -> new Link(customerId, false));
        }

        @Override
        public void markFolded(String anonymousCustomerId) {
            links.computeIfPresent(anonymousCustomerId, (id, link) -> new Link(link.customerId(), true));
        }
    }
}
