package dev.winback.functions.api;

import dev.winback.core.cache.ElapsedTime;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.JourneyLoader;
import dev.winback.adapters.json.JsonJourneyFormat;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.journey.ActiveJourneys;
import dev.winback.core.journey.CurrentJourneys;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.DryRunJourneys;
import dev.winback.core.journey.JourneyStore;
import dev.winback.core.journey.ManageCatalog;
import dev.winback.core.journey.ManageJourneys;
import dev.winback.core.journey.StoredJourneys;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey, catalog and dry-run routes over in-memory versions and stores that refuse every write. */
class JourneyAdminRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryVersions versions = new InMemoryVersions();
    private final JsonJourneyFormat format = new JsonJourneyFormat();
    private final ActiveJourneys shipped = new JourneyLoader().shippedActive();
    private final CurrentJourneys current = new CurrentJourneys(versions, versions.catalog(), format, shipped,
            ElapsedTime.following(CLOCK), Duration.ZERO, Warnings.NONE);
    private final RouteTable routes;

    JourneyAdminRoutesTest() {
        Map<String, Route> all = new HashMap<>(new JourneyRoutes(
                new ManageJourneys(versions, format, shipped, current::refreshNow), format).byKey());
        all.putAll(new CatalogRoutes(new ManageCatalog(versions.catalog(), format, shipped.catalog(),
                current::refreshNow)).byKey());
        all.put(DryRunRoute.KEY, new DryRunRoute(new DryRunJourneys(new OneCustomer("c-1"), new NoJourneysYet(),
                current, DeliveryPolicy.defaults()), CLOCK));
        routes = new RouteTable(all);
    }

    /** One customer with an empty record; a write fails the test. */
    private record OneCustomer(String customerId) implements EngagementStore {
        public Map<String, StoredRecord> load(Collection<String> ids) {
            Map<String, StoredRecord> out = new HashMap<>();
            for (String id : ids) {
                out.put(id, id.equals(customerId) ? new StoredRecord(EngagementRecord.empty(id), 3)
                        : StoredRecord.absent(id));
            }
            return out;
        }

        public Map<YearMonth, ArchivedMonth> loadArchive(String id) {
            return Map.of();
        }

        public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
            throw new AssertionError("a dry run wrote a record");
        }
    }

    private static final class NoJourneysYet implements JourneyStore {
        public int shards() {
            return 1;
        }

        public List<String> due(int shard, Instant now) {
            return List.of();
        }

        public StoredJourneys load(String customerId) {
            return StoredJourneys.absent(customerId);
        }

        public boolean save(StoredJourneys previous, CustomerJourneys next, Optional<Instant> dueAt) {
            throw new AssertionError("a dry run wrote journeys");
        }
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, String body) {
        return call(routeKey, path, body, Map.of());
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, String body,
                                          Map<String, String> headers) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        return routes.handle(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build());
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    private static Map<String, String> review() {
        return Map.of("journeyId", "review-request");
    }

    private String reviewRequest(String wait) {
        return format.write(shipped.get("review-request").orElseThrow()).replace("\"P5D\"", "\"" + wait + "\"");
    }

    private JsonNode listed(String id) throws Exception {
        for (JsonNode journey : body(call(JourneyRoutes.LIST, Map.of(), null)).path("journeys")) {
            if (journey.path("id").asText().equals(id)) return journey;
        }
        throw new AssertionError(id + " is not listed");
    }

    @Test
    void theShippedJourneysAreListed_asVersionZero() throws Exception {
        JsonNode review = listed("review-request");

        assertThat(review.path("source").asText()).isEqualTo("shipped");
        assertThat(review.path("latest").asInt()).isZero();
        assertThat(review.path("active").asInt()).isZero();
        assertThat(reviewRequest("P5D")).contains("\"P5D\"");
    }

    @Test
    void anInvalidDefinition_isRefusedWithEveryProblem_andNothingIsStored() throws Exception {
        String broken = reviewRequest("P5X").replace("\"push\"", "\"pigeon\"");

        APIGatewayV2HTTPResponse response = call(JourneyRoutes.SUBMIT, review(), broken);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problems = body(response).path("problems");
        assertThat(problems.size()).isGreaterThanOrEqualTo(2);
        assertThat(problems.findValuesAsText("where")).allMatch(where -> where.startsWith("steps"));
        assertThat(problems.findValuesAsText("problem")).noneMatch(String::isBlank);
        assertThat(versions.list()).isEmpty();
        assertThat(listed("review-request").path("source").asText()).isEqualTo("shipped");
        assertThat(current.active().get("review-request")).isPresent();
    }

    @Test
    void validate_answersTheCanonicalDefinition_orEveryProblem() throws Exception {
        JsonNode valid = body(call(JourneyRoutes.VALIDATE, Map.of(), reviewRequest("P2D")));
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.at("/definition/steps/0/wait").asText()).isEqualTo("P2D");

        APIGatewayV2HTTPResponse invalid = call(JourneyRoutes.VALIDATE, Map.of(), "{\"id\":\"x\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(422);
        assertThat(body(invalid).path("problems").findValuesAsText("where")).contains("name", "trigger", "steps");

        APIGatewayV2HTTPResponse malformed = call(JourneyRoutes.VALIDATE, Map.of(), "{\"id\":");
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(body(malformed).at("/errors/0/field").asText()).isEqualTo("$");
    }

    @Test
    void aJourneyIdOutsideThePattern_isRefusedBeforeAnyStore() throws Exception {
        for (String key : List.of(JourneyRoutes.SHOW, JourneyRoutes.SUBMIT, JourneyRoutes.ACTIVATE,
                JourneyRoutes.ROLLBACK, JourneyRoutes.DEACTIVATE, JourneyRoutes.SHOW_VERSION)) {
            APIGatewayV2HTTPResponse response = call(key, Map.of("journeyId", "Review_Request", "version", "1"),
                    "{\"version\":1}");
            assertThat(response.getStatusCode()).as(key).isEqualTo(400);
            assertThat(body(response).at("/errors/0/field").asText()).as(key).isEqualTo("journeyId");
        }
        assertThat(call(JourneyRoutes.SHOW_VERSION, Map.of("journeyId", "review-request", "version", "-1"), null)
                .getStatusCode()).isEqualTo(400);
        assertThat(versions.list()).isEmpty();
    }

    @Test
    void storeActivateRollBack_aChangedShippedJourney() throws Exception {
        APIGatewayV2HTTPResponse stored = call(JourneyRoutes.SUBMIT, review(), reviewRequest("P2D"));
        assertThat(stored.getStatusCode()).isEqualTo(201);
        // Taking the journey over stored its shipped text as version 1, still the one running.
        assertThat(body(stored).path("version").asInt()).isEqualTo(2);
        assertThat(listed("review-request").path("active").asInt()).isEqualTo(1);
        assertThat(waitOf(current.active())).isEqualTo(Duration.ofDays(5));

        assertThat(call(JourneyRoutes.ACTIVATE, review(), "{\"version\":3}").getStatusCode()).isEqualTo(404);
        assertThat(call(JourneyRoutes.ACTIVATE, review(), "{\"version\":\"2\"}").getStatusCode()).isEqualTo(400);
        APIGatewayV2HTTPResponse activated = call(JourneyRoutes.ACTIVATE, review(), "{\"version\":2}");
        assertThat(activated.getStatusCode()).isEqualTo(200);
        assertThat(body(activated).path("active").asInt()).isEqualTo(2);
        assertThat(waitOf(current.active())).isEqualTo(Duration.ofDays(2));
        JsonNode shown = body(call(JourneyRoutes.SHOW, review(), null));
        assertThat(shown.at("/definition/steps/0/wait").asText()).isEqualTo("P2D");
        assertThat(body(call(JourneyRoutes.SHOW_VERSION, Map.of("journeyId", "review-request", "version", "0"), null))
                .at("/definition/steps/0/wait").asText()).isEqualTo("P5D");

        assertThat(call(JourneyRoutes.ROLLBACK, review(), null).getStatusCode()).isEqualTo(200);
        assertThat(waitOf(current.active())).isEqualTo(Duration.ofDays(5));
        assertThat(call(JourneyRoutes.ROLLBACK, review(), null).getStatusCode()).isEqualTo(409);
    }

    @Test
    void deactivate_stopsAJourney_andRollbackRestartsIt() throws Exception {
        assertThat(call(JourneyRoutes.DEACTIVATE, Map.of("journeyId", "no-such-journey"), null).getStatusCode())
                .isEqualTo(404);
        APIGatewayV2HTTPResponse off = call(JourneyRoutes.DEACTIVATE, review(), null);

        assertThat(off.getStatusCode()).isEqualTo(200);
        assertThat(body(off).path("active").isNull()).isTrue();
        assertThat(current.active().get("review-request")).isEmpty();
        call(JourneyRoutes.ROLLBACK, review(), null);
        assertThat(current.active().get("review-request")).isPresent();
    }

    @Test
    void theCatalog_storedAsCsvOrJson_activatedAndRolledBack() throws Exception {
        JsonNode shippedView = body(call(CatalogRoutes.SHOW, Map.of(), null));
        assertThat(shippedView.path("active").isNull()).isTrue();

        APIGatewayV2HTTPResponse badCsv = call(CatalogRoutes.SUBMIT, Map.of(), """
                id,category,lifetime_days,complements,price_band
                brush,oral-care,abc,,low
                brush,oral-care,90,,low
                """, Map.of("content-type", "text/csv; charset=utf-8"));
        assertThat(badCsv.getStatusCode()).isEqualTo(422);
        assertThat(body(badCsv).path("problems").findValuesAsText("where"))
                .anyMatch(w -> w.startsWith("line 2")).anyMatch(w -> w.startsWith("line 3"));
        assertThat(versions.catalog().latest()).isZero();

        APIGatewayV2HTTPResponse csv = call(CatalogRoutes.SUBMIT, Map.of(), """
                id,category,lifetime_days,complements,price_band
                brush-heads,oral-care,90,toothpaste,low
                """, Map.of("Content-Type", "text/csv"));
        assertThat(csv.getStatusCode()).isEqualTo(201);
        assertThat(body(csv).path("version").asInt()).isEqualTo(1);
        assertThat(call(CatalogRoutes.SUBMIT, Map.of(), "{\"version\":1,").getStatusCode()).isEqualTo(400);
        assertThat(call(CatalogRoutes.SUBMIT, Map.of(), "{\"version\":1,\"products\":[{\"id\":\"x\"}]}")
                .getStatusCode()).isEqualTo(422);

        assertThat(call(CatalogRoutes.ACTIVATE, Map.of(), "{\"version\":7}").getStatusCode()).isEqualTo(404);
        JsonNode active = body(call(CatalogRoutes.ACTIVATE, Map.of(), "{\"version\":1}"));
        assertThat(active.path("active").asInt()).isEqualTo(1);
        assertThat(active.at("/catalog/products/0/id").asText()).isEqualTo("brush-heads");
        assertThat(current.active().catalog().products()).containsOnlyKeys("brush-heads");

        assertThat(call(CatalogRoutes.ROLLBACK, Map.of(), null).getStatusCode()).isEqualTo(409);
    }

    @Test
    void aDryRun_showsTheMessagesOfACandidate_andWritesNothing() throws Exception {
        String request = """
                {"customerIds":["c-1","c-2"],"horizonDays":10,
                 "events":[{"type":"order_status_changed","properties":{"orderId":"o-1","status":"delivered"}}],
                 "definition":%s}""".formatted(reviewRequest("P2D"));

        APIGatewayV2HTTPResponse response = call(DryRunRoute.KEY, Map.of(), request);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = body(response);
        assertThat(report.path("from").asText()).isEqualTo(NOW.toString());
        JsonNode customer = report.at("/customers/0");
        assertThat(customer.path("found").asBoolean()).isTrue();
        JsonNode ask = null;
        for (JsonNode message : customer.path("messages")) {
            if (message.path("journey").asText().equals("review-request")) ask = message;
        }
        assertThat(ask).as(customer.toString()).isNotNull();
        assertThat(ask.path("at").asText()).isEqualTo(NOW.plus(Duration.ofDays(2)).toString());
        assertThat(ask.path("campaign").asText()).isEqualTo("review-request");
        assertThat(ask.path("category").asText()).isEqualTo("surveys");
        assertThat(customer.path("transitions").findValuesAsText("kind")).contains("entered");
        assertThat(report.at("/customers/1/found").asBoolean()).isFalse();
    }

    @Test
    void aDryRunsBody_isCheckedField_byField() throws Exception {
        APIGatewayV2HTTPResponse response = call(DryRunRoute.KEY, Map.of(), """
                {"customerIds":["ana@example.com"],"horizonDays":5000,"date":"soon","colour":"red",
                 "events":[{"type":"order_status_changed","customerId":"c-1","properties":{}}]}""");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").findValuesAsText("field"))
                .contains("customerIds[0]", "horizonDays", "date", "colour");
        assertThat(call(DryRunRoute.KEY, Map.of(), "{\"customerIds\":[\"c-1\"],\"events\":[{\"type\":\"nope\"}]}")
                .getStatusCode()).isEqualTo(400);
        APIGatewayV2HTTPResponse refused = call(DryRunRoute.KEY, Map.of(),
                "{\"customerIds\":[\"c-1\"],\"definition\":{\"id\":\"x\"}}");
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(body(refused).path("problems").findValuesAsText("where")).allMatch(w -> w.startsWith("definition."));
        assertThat(call(DryRunRoute.KEY, Map.of(), "x".repeat(DryRunRoute.MAX_BODY_BYTES + 1)).getStatusCode())
                .isEqualTo(413);
    }

    private static Duration waitOf(ActiveJourneys active) {
        return ((dev.winback.core.journey.Step.Wait) active.get("review-request").orElseThrow().steps().get("settle-in"))
                .duration();
    }
}
