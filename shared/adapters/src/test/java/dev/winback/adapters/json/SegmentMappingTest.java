package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.cdp.CdpMessage;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;
import dev.winback.core.ingest.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment's documented example messages (events/cdp-segment-*.json) and the spec's edge cases, mapped onto contract v1. */
class SegmentMappingTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00.123456Z");

    private final SegmentMapping mapping = new SegmentMapping();
    private final CdpRequestParser requests = new CdpRequestParser();

    @Test
    void theIdentifyExample_linksTheAnonymousId_andUpdatesTheProfileWithTheEmail() {
        CdpItem item = map(sample("cdp-segment-identify.json"));

        CdpMessage.Link link = (CdpMessage.Link) ((CdpItem.Mapped) item).message();
        assertThat(link.anonymousCustomerId()).isEqualTo("anon:507f191e810c19729de860ea");
        assertThat(link.customerId()).isEqualTo("97980cfea0067");
        EngagementEvent event = link.events().getFirst();
        assertThat(event.eventId()).isEqualTo("identify:022bb90c-bbac-11e4-8dfc-aa07a5b093db");
        assertThat(event.customerId()).isEqualTo("97980cfea0067");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2015-02-23T22:28:55.111Z"));
        assertThat(event.payload()).isEqualTo(new EventPayload.ProfileUpdated(Optional.of("peter@example.com"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void thePageAndScreenExamples_areSessionsOnTheWebAndInTheApp_underIdsThatDoNotCollide() {
        EngagementEvent page = only(map(sample("cdp-segment-page.json")));
        EngagementEvent screen = only(map(sample("cdp-segment-screen.json")));

        assertThat(page.payload()).isEqualTo(new EventPayload.SessionStarted(Platform.WEB));
        assertThat(page.platform()).contains(Platform.WEB);
        assertThat(screen.payload()).isEqualTo(new EventPayload.SessionStarted(Platform.APP));
        assertThat(List.of(page.eventId(), screen.eventId()))
                .containsExactly("page:022bb90c-bbac-11e4-8dfc-aa07a5b093db", "screen:022bb90c-bbac-11e4-8dfc-aa07a5b093db");
        assertThat(page.customerId()).isEqualTo("97980cfea0067");
    }

    @Test
    void theTrackExample_ofAnEventTheContractHasNoTypeFor_isIgnoredWithItsReason() {
        CdpItem item = map(sample("cdp-segment-track.json"));

        assertThat(item).isInstanceOf(CdpItem.Ignored.class);
        assertThat(((CdpItem.Ignored) item).reason()).contains("\"Course Clicked\"", "Order Completed");
        assertThat(item.messageId()).isEqualTo("ajs-f8ca1e4de5024d9430b3928bd8ac6b96");
    }

    @Test
    void theOrderCompletedExample_isAPurchaseOfItsTotal_withAProductPerLineItem_atItsReceipt() {
        EngagementEvent purchase = only(map(sample("cdp-segment-order-completed.json")));

        assertThat(purchase.payload()).isEqualTo(new EventPayload.PurchaseCompleted("50314b8e9bcf000000000000",
                new BigDecimal("27.50"), "USD", List.of(
                new LineItem("45790-32", "Games", 1, new BigDecimal("19")),
                new LineItem("46493-32", "Games", 2, new BigDecimal("3")))));
        assertThat(purchase.customerId()).isEqualTo("019mr8mf4r");
        assertThat(purchase.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(purchase.eventId()).startsWith("track:h-");
        assertThat(only(map(sample("cdp-segment-order-completed.json"))).eventId())
                .as("the same message sent again is the same event").isEqualTo(purchase.eventId());
    }

    @Test
    void theBatchExample_mapsItsIdentify_andIgnoresItsSongsPlayed() {
        CdpRequest.Messages batch = (CdpRequest.Messages) requests.parse(RepositoryRoot.read(
                RepositoryRoot.events().resolve("cdp-segment-batch.json")));

        List<CdpItem> items = batch.messages().stream().map(m -> mapping.map(m, RECEIVED)).toList();

        assertThat(items).hasSize(3);
        assertThat(only(items.get(0)).payload()).isInstanceOf(EventPayload.ProfileUpdated.class);
        assertThat(items.subList(1, 3)).allSatisfy(item -> assertThat(item).isInstanceOf(CdpItem.Ignored.class));
    }

    @Test
    void theWriteKeyInTheBody_isReadAndNeverKeptWithTheMessages() {
        CdpRequest.Messages one = (CdpRequest.Messages) requests.parse(
                "{\"writeKey\":\"wk-123\",\"type\":\"page\",\"userId\":\"c-1\",\"messageId\":\"m-1\"}");

        assertThat(one.writeKey()).contains("wk-123");
        assertThat(CdpRequest.text(one.messages().getFirst())).doesNotContain("wk-123").contains("m-1");
    }

    @Test
    void anonymousEvents_goToTheAnonymousIdsOwnCustomer() {
        EngagementEvent event = only(map(json("{\"type\":\"track\",\"event\":\"Application Opened\","
                + "\"anonymousId\":\"a-77\",\"messageId\":\"m-2\",\"timestamp\":\"2026-11-20T08:00:00Z\"}")));

        assertThat(event.customerId()).isEqualTo("anon:a-77");
        assertThat(event.payload()).isEqualTo(new EventPayload.SessionStarted(Platform.APP));
    }

    @Test
    void theMobileLifecycleAndEcommerceEvents_mapOntoTheirContractTypes() {
        String device = ",\"context\":{\"device\":{\"type\":\"ios\"}},\"userId\":\"c-1\",\"timestamp\":\"2026-11-20T08:00:00Z\"";
        assertThat(only(map(json("{\"type\":\"track\",\"event\":\"Application Installed\",\"messageId\":\"m-3\"" + device + "}")))
                .payload()).isInstanceOf(EventPayload.AppInstalled.class);
        assertThat(only(map(json("{\"type\":\"track\",\"event\":\"Application Uninstalled\",\"messageId\":\"m-4\"" + device + "}")))
                .payload()).isInstanceOf(EventPayload.AppUninstalled.class);
        assertThat(only(map(json("{\"type\":\"track\",\"event\":\"Signed In\",\"messageId\":\"m-5\"" + device + "}")))
                .payload()).isEqualTo(new EventPayload.SessionStarted(Platform.APP));
        assertThat(only(map(json("{\"type\":\"track\",\"event\":\"Order Refunded\",\"messageId\":\"m-6\","
                + "\"properties\":{\"order_id\":\"o-1\"}" + device + "}"))).payload())
                .isEqualTo(new EventPayload.OrderStatusChanged("o-1", "refunded"));
        assertThat(only(map(json("{\"type\":\"track\",\"event\":\"Product Reviewed\",\"messageId\":\"m-7\","
                + "\"properties\":{\"product_id\":\"p-9\",\"rating\":\"5\"}" + device + "}"))).payload())
                .isEqualTo(new EventPayload.ReviewSubmitted(Optional.empty(), Optional.of("p-9"), 5));
    }

    @Test
    void contractErrors_nameTheMessagesOwnFields() {
        CdpItem item = map(json("{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"c-1\",\"messageId\":\"m-8\","
                + "\"timestamp\":\"yesterday\",\"properties\":{\"order_id\":\"o-2\",\"total\":\"lots\",\"currency\":\"usd\","
                + "\"products\":[{\"sku\":\"s-1\",\"quantity\":1}]}}"));

        assertThat(((CdpItem.Invalid) item).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("timestamp", "properties.total", "properties.currency", "properties.products[0].price");
    }

    @Test
    void aPhoneThatIsNotE164_isRefusedUnderItsTrait_andAUserIdThatIsAnEmail_underUserId() {
        CdpItem phone = map(json("{\"type\":\"identify\",\"userId\":\"c-1\",\"messageId\":\"m-9\",\"traits\":{\"phone\":\"555-0100\"}}"));
        CdpItem email = map(json("{\"type\":\"page\",\"userId\":\"ann@example.com\",\"messageId\":\"m-10\"}"));

        assertThat(((CdpItem.Invalid) phone).errors()).extracting(FieldError::field).containsExactly("traits.phone");
        assertThat(((CdpItem.Invalid) email).errors()).extracting(FieldError::field).containsExactly("userId");
    }

    @Test
    void anIdentifyLinkingAnEmailShapedUserId_isRefused_evenWithoutTraits() {
        CdpItem item = map(json("{\"type\":\"identify\",\"userId\":\"ann@example.com\",\"anonymousId\":\"a-1\",\"messageId\":\"m-13\"}"));

        assertThat(((CdpItem.Invalid) item).errors()).extracting(FieldError::field).containsExactly("userId");
    }

    @Test
    void aMessageWithoutAnyId_orOfAnUnknownCall_isRefused_andGroupAndAliasAreIgnored() {
        assertThat(((CdpItem.Invalid) map(json("{\"type\":\"page\",\"messageId\":\"m-11\"}"))).errors())
                .extracting(FieldError::field).containsExactly("userId");
        assertThat(((CdpItem.Invalid) map(json("{\"type\":\"visit\",\"userId\":\"c-1\"}"))).errors())
                .extracting(FieldError::field).containsExactly("type");
        assertThat(map(json("{\"type\":\"group\",\"userId\":\"c-1\",\"groupId\":\"g-1\"}"))).isInstanceOf(CdpItem.Ignored.class);
    }

    @Test
    void identifyTraits_andTheContextsLocaleAndTimeZone_fillTheProfile() {
        EngagementEvent event = only(map(json("{\"type\":\"identify\",\"userId\":\"c-1\",\"messageId\":\"m-12\","
                + "\"timestamp\":\"2026-11-20T08:00:00Z\",\"context\":{\"locale\":\"es-ES\",\"timezone\":\"Europe/Madrid\"},"
                + "\"traits\":{\"phone\":\"+34600000000\",\"birthday\":\"1990-04-17T00:00:00.000Z\"}}")));

        assertThat(event.payload()).isEqualTo(new EventPayload.ProfileUpdated(Optional.empty(), Optional.of("+34600000000"),
                Optional.of("Europe/Madrid"), Optional.of("es-ES"), Optional.of("1990-04-17"), Optional.empty()));
    }

    private CdpItem map(JsonNode message) {
        return mapping.map(message, RECEIVED);
    }

    private static EngagementEvent only(CdpItem item) {
        assertThat(item).as(item.toString()).isInstanceOf(CdpItem.Mapped.class);
        List<EngagementEvent> events = ((CdpItem.Mapped) item).message().events();
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static JsonNode sample(String name) {
        return json(RepositoryRoot.read(RepositoryRoot.events().resolve(name)));
    }

    private static JsonNode json(String text) {
        return ((ContractJson.JsonReading.WellFormed) ContractJson.read(text)).node();
    }
}
