package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.dynamodb.ConsentItems;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.consent.ConsentEntry;
import dev.winback.core.consent.ConsentLog;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.SendRules;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.links.LinkToken;
import dev.winback.core.links.SignedLinks;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.local.runtime.clock.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preference centre through the HTTP API handler, against DynamoDB Local: the page and its JSON
 * on the signed link, the IAM-protected admin routes, what they write to the record and the consent
 * log, and what they refuse.
 */
class PreferenceCentreIT {

    private static final URI BASE = URI.create("https://links.example.com");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final IngestFixture fixture = IngestFixture.get();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final LinkConfig linkConfig = LinkConfig.localDevelopment(BASE);
    private final ApiGateway api = new ApiGateway(fixture.config, fixture.clients, linkConfig, clock);
    private final SignedLinks links = new SignedLinks(BASE, linkConfig.tokens(), clock);

    @Test
    void manyGets_ofThePageAndTheJson_changeNothing_andThePageIsPlainAccessibleHtml() throws Exception {
        String customer = "prefs-get-1";
        customer(customer);
        String token = token(customer);
        Map<String, AttributeValue> before = storedItem(customer);
        int logBefore = consentLog(customer).size();

        APIGatewayV2HTTPResponse page = null;
        for (int i = 0; i < 200; i++) {
            page = api.handleRequest(request("GET", "/p/{token}", token, null, null, false), null);
            assertThat(page.getStatusCode()).isEqualTo(200);
            assertThat(api.handleRequest(request("GET", "/p/{token}/json", token, null, null, false), null)
                    .getStatusCode()).isEqualTo(200);
        }

        assertThat(storedItem(customer)).isEqualTo(before);
        assertThat(consentLog(customer)).hasSize(logBefore);
        assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("cache-control", "no-store").doesNotContainKey("location").doesNotContainKey("set-cookie");
        assertAccessible(page.getBody());
        String html = page.getBody();
        assertThat(html).contains("<form method=\"post\">").doesNotContain("role=\"status\"")
                .contains("id=\"categories.promotions\" name=\"categories.promotions\" value=\"on\" checked")
                .contains("id=\"channels.email\" name=\"channels.email\" value=\"on\" checked")
                .contains("id=\"channels.sms\" name=\"channels.sms\" value=\"on\" checked")
                .contains("<strong>Push notifications:</strong> not available. Notifications from our app are turned off")
                .doesNotContain("name=\"channels.push\"").doesNotContain("channels.in_app")
                .contains("value=\"21:00\"").contains("Europe/Madrid")
                .doesNotContain("a@example.com").doesNotContain("+34600000000");
    }

    @Test
    void postingTheForm_urlEncoded_savesWith200AndANotice_andSendRulesHonourIt() throws Exception {
        String customer = "prefs-form-1";
        customer(customer);
        String token = token(customer);

        APIGatewayV2HTTPResponse saved = api.handleRequest(request("POST", "/p/{token}", token, FORM, form(
                "categories.promotions", "off", "categories.reminders", "off", "categories.reminders", "on",
                "maxPerWeek", "2", "quietHours.start", "22:30", "quietHours.end", "07:00",
                "pausedUntil", "2026-11-20", "save", "Save my choices"), false), null);

        assertThat(saved.getStatusCode()).isEqualTo(200);
        assertThat(saved.getHeaders()).doesNotContainKey("location").doesNotContainKey("set-cookie");
        assertThat(saved.getCookies()).isNullOrEmpty();
        assertThat(saved.getBody()).contains("<p role=\"status\">Your choices are saved.</p>")
                .contains("id=\"categories.promotions\" name=\"categories.promotions\" value=\"on\">")
                .contains("<option value=\"2\" selected>").contains("value=\"22:30\"")
                .contains("paused until the end of 20 November 2026");
        assertAccessible(saved.getBody());
        EngagementRecord record = record(customer);
        assertThat(record.preferences().mutedCategoriesOrEmpty()).containsExactly(MessageCategory.PROMOTIONS);
        assertThat(record.preferences().weeklyLimit()).contains(2);
        assertThat(record.preferences().ownQuietHours()).contains(new QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0)));
        // The start of 21 November in Madrid.
        assertThat(record.preferences().pausedUntilInstant()).contains(Instant.parse("2026-11-20T23:00:00Z"));

        Instant now = clock.instant();
        assertThat(SendRules.message(marketing(customer, MessageCategory.PROMOTIONS), record, DeliveryPolicy.defaults(),
                now, false)).isInstanceOfSatisfying(SendRules.MessageVerdict.Stop.class,
                stop -> assertThat(stop.reason()).isEqualTo(MessageDecision.Reason.CATEGORY_MUTED));
        assertThat(SendRules.message(marketing(customer, MessageCategory.REMINDERS), record, DeliveryPolicy.defaults(),
                now, false)).isInstanceOfSatisfying(SendRules.MessageVerdict.Wait.class, wait -> {
                    assertThat(wait.reason()).isEqualTo(MessageDecision.Reason.PAUSED);
                    assertThat(wait.until()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
                });
    }

    @Test
    void throughTheRealDeliveryPath_aMutedCategoryIsSkipped_andAPausedCustomerWaits() {
        String endpoint = MotoEndpoint.require();
        ProviderLog provider = new ProviderLog();
        try (SnsClient sns = MotoSns.client(endpoint, provider)) {
            DeliveryFixture f = new DeliveryFixture(Instant.parse("2026-11-23T19:00:00Z"), sns); // 14:00 in New York
            f.customer("prefs-send-1", MotoSns.pushEndpoint(sns, MotoSns.platformApplication(sns), true),
                    "America/New_York");
            ApiGateway centre = new ApiGateway(fixture.config, fixture.clients, linkConfig, f.clock);
            String token = new SignedLinks(BASE, linkConfig.tokens(), f.clock).preferences("prefs-send-1").getPath()
                    .substring(3);

            assertThat(centre.handleRequest(request("POST", "/p/{token}", token, FORM,
                    form("categories.reminders", "off"), false), null).getStatusCode()).isEqualTo(200);
            DeliveryRequest muted = f.request("prefs-send-1", "s1", Purpose.MARKETING, List.of(Channel.SMS));
            f.deliver(List.of(muted));
            assertThat(f.entry(muted).status()).isEqualTo(LedgerStatus.SKIPPED);
            assertThat(f.entry(muted).decisions()).anyMatch(d -> d.reason() == MessageDecision.Reason.CATEGORY_MUTED);

            f.clock.advance(Duration.ofMinutes(1));
            assertThat(centre.handleRequest(request("POST", "/p/{token}", token, FORM,
                    form("categories.reminders", "on", "pausedUntil", "2026-11-24"), false), null).getStatusCode())
                    .isEqualTo(200);
            DeliveryRequest paused = f.request("prefs-send-1", "s2", Purpose.MARKETING, List.of(Channel.SMS));
            f.deliver(List.of(paused));
            assertThat(f.entry(paused).status()).isEqualTo(LedgerStatus.HELD);
            assertThat(f.entry(paused).decisions()).anyMatch(d -> d.reason() == MessageDecision.Reason.PAUSED);
            // Midnight after 24 November in New York.
            assertThat(f.entry(paused).timer()).contains(Instant.parse("2026-11-25T05:00:00Z"));
            assertThat(provider.taken()).isEmpty();

            f.clock.set(Instant.parse("2026-11-25T15:00:00Z"));
            f.tick();
            assertThat(f.entry(paused).status()).isEqualTo(LedgerStatus.SENT);
            // The tick resumes every due message in the shared table (other tests' too): look at this customer's.
            assertThat(provider.taken()).extracting(ProviderLog.Taken::messageId)
                    .filteredOn(id -> id.equals(paused.key().messageId(1)) || id.startsWith("wb-" + muted.key().id() + "-"))
                    .containsExactly(paused.key().messageId(1));
        }
    }

    @Test
    void untickingAChannel_multipartAsApiGatewaySendsIt_isAWithdrawalInTheConsentLog_andTickingAnOptIn() {
        String customer = "prefs-consent-1";
        customer(customer);
        String token = token(customer);
        int logBefore = consentLog(customer).size();

        APIGatewayV2HTTPResponse withdrawn = api.handleRequest(multipart(token,
                "channels.email", "off", "channels.sms", "off", "channels.sms", "on"), null);

        assertThat(withdrawn.getStatusCode()).isEqualTo(200);
        EngagementRecord record = record(customer);
        assertThat(record.channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted()).isFalse();
        assertThat(record.channel(Channel.EMAIL).subscription().value()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        List<ConsentEntry> log = consentLog(customer);
        assertThat(log).hasSize(logBefore + 2);
        ConsentEntry withdrawal = log.stream().filter(e -> e.kind() == ConsentEntry.Kind.CONSENT
                && e.at().equals(clock.instant())).findFirst().orElseThrow();
        assertThat(withdrawal.channel()).isEqualTo(Channel.EMAIL);
        assertThat(withdrawal.granted()).isFalse();
        assertThat(withdrawal.source()).isEqualTo("preference-centre");
        assertThat(withdrawal.wordingVersion()).isEqualTo("preference-centre-v1");
        assertThat(withdrawal.ipAddress()).contains(SignedLinkRequests.SOURCE_IP);
        assertThat(ConsentLog.replay(customer, log)).isEqualTo(ConsentLog.current(record));

        clock.advance(Duration.ofHours(1));
        APIGatewayV2HTTPResponse optedIn = api.handleRequest(request("POST", "/p/{token}", token, FORM,
                form("channels.email", "off", "channels.email", "on"), false), null);

        assertThat(optedIn.getStatusCode()).isEqualTo(200);
        record = record(customer);
        assertThat(record.channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value())
                .satisfies(grant -> assertThat(grant.granted()).isTrue())
                .satisfies(grant -> assertThat(grant.source()).isEqualTo("preference-centre"));
        assertThat(record.channel(Channel.EMAIL).subscription().value()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
        log = consentLog(customer);
        assertThat(log).hasSize(logBefore + 4);
        assertThat(ConsentLog.replay(customer, log)).isEqualTo(ConsentLog.current(record));
    }

    @Test
    void aRetriedIdenticalRequest_changesNothing_butALaterChoiceBackIsRecorded() throws Exception {
        String customer = "prefs-retry-1";
        customer(customer);
        String token = token(customer);
        String body = form("channels.email", "off", "categories.surveys", "off");

        assertThat(api.handleRequest(request("POST", "/p/{token}", token, FORM, body, false), null)
                .getStatusCode()).isEqualTo(200);
        Map<String, AttributeValue> after = storedItem(customer);
        int log = consentLog(customer).size();
        clock.advance(Duration.ofSeconds(20));
        APIGatewayV2HTTPResponse again = api.handleRequest(request("POST", "/p/{token}", token, FORM, body, false), null);
        APIGatewayV2HTTPResponse json = api.handleRequest(request("PUT", "/p/{token}/json", token,
                "application/json", "{\"channels\":{\"email\":false},\"categories\":{\"surveys\":false}}", false), null);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("Nothing changed");
        assertThat(json.getStatusCode()).isEqualTo(200);
        assertThat(storedItem(customer)).isEqualTo(after);
        assertThat(consentLog(customer)).hasSize(log);

        clock.advance(Duration.ofMinutes(5));
        api.handleRequest(request("POST", "/p/{token}", token, FORM, form("channels.email", "on"), false), null);
        clock.advance(Duration.ofMinutes(5));
        api.handleRequest(request("POST", "/p/{token}", token, FORM, body, false), null);
        assertThat(record(customer).channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted())
                .as("off, on, off again: the last is not mistaken for the first").isFalse();
        assertThat(consentLog(customer)).hasSize(log + 4);
    }

    @Test
    void forgedTamperedUnsubscribeAndOrphanTokens_allGetTheSame404_andChangeNothing() {
        String customer = "prefs-bad-1";
        customer(customer);
        Map<String, AttributeValue> before = storedItem(customer);
        String token = token(customer);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unsubscribe = links.oneClick(customer, Channel.EMAIL, null).getPath().substring(3);
        String nobody = token("prefs-never-seen");
        String expired = linkConfig.tokens().issue(LinkToken.preferences(customer,
                clock.instant().minus(Duration.ofDays(731))));

        List<String> pages = new ArrayList<>();
        for (String bad : List.of(tampered, unsubscribe, nobody, expired, "not-a-token", "")) {
            APIGatewayV2HTTPResponse get = api.handleRequest(request("GET", "/p/{token}", bad, null, null, false), null);
            APIGatewayV2HTTPResponse post = api.handleRequest(request("POST", "/p/{token}", bad, FORM,
                    form("channels.email", "off"), false), null);
            APIGatewayV2HTTPResponse json = api.handleRequest(request("GET", "/p/{token}/json", bad, null, null, false), null);
            APIGatewayV2HTTPResponse put = api.handleRequest(request("PUT", "/p/{token}/json", bad, "application/json",
                    "{\"channels\":{\"email\":false}}", false), null);
            assertThat(List.of(get, post, json, put)).extracting(APIGatewayV2HTTPResponse::getStatusCode)
                    .containsOnly(404);
            assertThat(json.getHeaders()).containsEntry("content-type", "application/problem+json");
            pages.add(get.getBody());
            pages.add(post.getBody());
        }

        assertThat(pages).as("nothing tells which refusal it was").containsOnly(pages.getFirst());
        assertThat(storedItem(customer)).isEqualTo(before);
        assertThat(fixture.records(List.of("prefs-never-seen")).get("prefs-never-seen").version())
                .as("an old link brings back no one").isZero();
    }

    @Test
    void aLinkStillWorks365DaysLater_onTheVirtualClock() {
        String customer = "prefs-late-1";
        customer(customer);
        String token = token(customer);

        clock.advance(Duration.ofDays(365));

        assertThat(api.handleRequest(request("GET", "/p/{token}", token, null, null, false), null).getStatusCode())
                .isEqualTo(200);
        assertThat(api.handleRequest(request("POST", "/p/{token}", token, FORM, form("categories.surveys", "off"),
                false), null).getStatusCode()).isEqualTo(200);
        assertThat(record(customer).preferences().mutedCategoriesOrEmpty()).containsExactly(MessageCategory.SURVEYS);
    }

    @Test
    void adminRoutes_readAndWriteTheSameChoices_asTheAdminApi() throws Exception {
        String customer = "prefs-admin-1";
        customer(customer);
        String token = token(customer);

        APIGatewayV2HTTPResponse put = api.handleRequest(admin("PUT", customer, """
                {"categories": {"new_products": false}, "channels": {"sms": false}, "maxPerWeek": 5,
                 "quietHours": null, "pausedUntil": "2026-12-24"}"""), null);

        assertThat(put.getStatusCode()).isEqualTo(200);
        JsonNode saved = JSON.readTree(put.getBody());
        assertThat(saved.path("categories").path("new_products").booleanValue()).isFalse();
        assertThat(saved.path("categories").path("promotions").booleanValue()).isTrue();
        assertThat(saved.path("channels").path("sms").booleanValue()).isFalse();
        assertThat(saved.path("channels").path("email").booleanValue()).isTrue();
        assertThat(saved.path("maxPerWeek").intValue()).isEqualTo(5);
        assertThat(saved.path("quietHours").isNull()).isTrue();
        assertThat(saved.path("pausedUntil").textValue()).isEqualTo("2026-12-24");
        assertThat(saved.path("timezone").textValue()).isEqualTo("Europe/Madrid");
        assertThat(saved.path("unavailableChannels").path("push").textValue()).contains("settings");

        JsonNode adminGet = JSON.readTree(api.handleRequest(admin("GET", customer, null), null).getBody());
        JsonNode linkGet = JSON.readTree(api.handleRequest(request("GET", "/p/{token}/json", token, null, null, false),
                null).getBody());
        assertThat(adminGet).isEqualTo(saved).isEqualTo(linkGet);
        ConsentEntry withdrawal = consentLog(customer).stream().filter(e -> e.kind() == ConsentEntry.Kind.CONSENT
                && e.channel() == Channel.SMS).reduce((a, b) -> b).orElseThrow();
        assertThat(withdrawal.source()).isEqualTo("admin-api");
        assertThat(withdrawal.ipAddress()).as("an operator's address is no evidence of the customer's").isEmpty();

        Map<String, AttributeValue> item = storedItem(customer);
        assertThat(api.handleRequest(admin("PUT", customer, adminGet.toString()), null).getStatusCode())
                .as("a GET body sent back").isEqualTo(200);
        assertThat(storedItem(customer)).isEqualTo(item);
        assertThat(api.handleRequest(admin("GET", "prefs-admin-nobody", null), null).getStatusCode()).isEqualTo(404);
        assertThat(api.handleRequest(admin("GET", "bad id", null), null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void invalidInput_gets400NamingEachField_andChangesNothing() throws Exception {
        String customer = "prefs-invalid-1";
        customer(customer);
        String token = token(customer);
        Map<String, AttributeValue> before = storedItem(customer);

        APIGatewayV2HTTPResponse page = api.handleRequest(request("POST", "/p/{token}", token, FORM, form(
                "categories.promotions", "off", "maxPerWeek", "17", "quietHours.start", "9pm", "quietHours.end", "07:00",
                "pausedUntil", "2028-01-01", "channels.push", "on"), false), null);

        assertThat(page.getStatusCode()).isEqualTo(400);
        assertThat(page.getBody()).contains("role=\"alert\"").contains("Nothing was saved")
                .contains("<select id=\"maxPerWeek\" name=\"maxPerWeek\" aria-invalid=\"true\" aria-describedby=\"maxPerWeek-error\">")
                .contains("<p id=\"maxPerWeek-error\"><strong>Error:</strong> must be a whole number from 1 to 16")
                .contains("<p id=\"quietHours.start-error\"><strong>Error:</strong> must be a time as HH:MM")
                .contains("<p id=\"pausedUntil-error\"><strong>Error:</strong> must be at most a year from today")
                .contains("<p id=\"channels.push-error\"><strong>Error:</strong> cannot be turned on")
                .contains("id=\"categories.promotions\" name=\"categories.promotions\" value=\"on\">")
                .doesNotContain("9pm");
        assertAccessible(page.getBody());

        APIGatewayV2HTTPResponse json = api.handleRequest(request("PUT", "/p/{token}/json", token, "application/json", """
                {"categories": {"offers": false, "surveys": "no"}, "channels": {"fax": true}, "maxPerWeek": 2.5,
                 "quietHours": {"start": "22:00"}, "pausedUntil": "yesterday", "language": "es"}""", false), null);

        assertThat(json.getStatusCode()).isEqualTo(400);
        assertThat(json.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(JSON.readTree(json.getBody()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "categories.offers", "categories.surveys", "channels.fax", "maxPerWeek", "quietHours.end",
                "pausedUntil", "language");
        assertThat(json.getBody()).doesNotContain("yesterday");

        String huge = "{\"categories\":{\"x\":\"" + "y".repeat(20_000) + "\"}}";
        APIGatewayV2HTTPResponse tooLarge = api.handleRequest(request("PUT", "/p/{token}/json", token,
                "application/json", huge, false), null);
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        APIGatewayV2HTTPResponse notJson = api.handleRequest(request("PUT", "/p/{token}/json", token,
                "application/json", "{\"maxPerWeek\": 1, \"maxPerWeek\": 2}", false), null);
        assertThat(notJson.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("$");
        assertThat(api.handleRequest(request("POST", "/p/{token}", token, FORM, "", false), null).getStatusCode())
                .isEqualTo(400);
        assertThat(storedItem(customer)).isEqualTo(before);
    }

    @Test
    void oneCustomersLink_neverReadsOrWritesAnothersRecord() throws Exception {
        customer("prefs-own-a");
        customer("prefs-own-b");
        api.handleRequest(admin("PUT", "prefs-own-b", "{\"categories\":{\"promotions\":false},\"maxPerWeek\":7}"), null);
        Map<String, AttributeValue> otherBefore = storedItem("prefs-own-b");
        String token = token("prefs-own-a");

        // A customerId smuggled next to the token is not what the route reads.
        APIGatewayV2HTTPEvent put = request("PUT", "/p/{token}/json", token, "application/json",
                "{\"categories\":{\"surveys\":false}}", false);
        put.setPathParameters(Map.of("token", token, "customerId", "prefs-own-b"));
        JsonNode own = JSON.readTree(api.handleRequest(put, null).getBody());

        assertThat(own.path("categories").path("promotions").booleanValue()).isTrue();
        assertThat(own.path("maxPerWeek").intValue()).isZero();
        assertThat(record("prefs-own-a").preferences().mutedCategoriesOrEmpty()).containsExactly(MessageCategory.SURVEYS);
        assertThat(storedItem("prefs-own-b")).isEqualTo(otherBefore);
    }

    // ---- customers, requests and reads

    /** Madrid; email with consent and subscribed, SMS subscribed, push with the OS permission off. */
    private void customer(String customer) {
        Instant at = clock.instant().minus(Duration.ofDays(30));
        List<EventPayload> payloads = List.of(
                new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.of("+34600000000"),
                        Optional.of("Europe/Madrid"), Optional.of("es-ES"), Optional.empty(), Optional.of("arn:endpoint/1")),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1"),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED),
                new EventPayload.SmsSubscriptionChanged(SmsStatus.SUBSCRIBED),
                new EventPayload.PushPermissionChanged(false));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            bodies.add(fixture.json(new EngagementEvent(customer + "-setup-" + i, customer, at, Optional.empty(),
                    payloads.get(i))));
        }
        assertThat(fixture.sendBodies(bodies)).isEmpty();
    }

    private DeliveryRequest marketing(String customer, MessageCategory category) {
        Instant now = clock.instant();
        return new DeliveryRequest(customer, "camp", "camp", "s", Purpose.MARKETING, category, List.of(Channel.EMAIL),
                now, now.plus(Duration.ofDays(30)), Duration.ofHours(4), Map.of());
    }

    private String token(String customer) {
        String path = links.preferences(customer).getPath();
        assertThat(path).startsWith("/p/");
        return path.substring(3);
    }

    private EngagementRecord record(String customer) {
        return fixture.records(List.of(customer)).get(customer).record();
    }

    private Map<String, AttributeValue> storedItem(String customer) {
        return fixture.clients.dynamoDb().getItem(b -> b.tableName(fixture.config.tableName()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(customer)),
                        Keys.SK, AttributeValue.fromS(Keys.RECORD_SK)))).item();
    }

    private List<ConsentEntry> consentLog(String customer) {
        return ConsentItems.read(fixture.clients.dynamoDb(), fixture.config.tableName(), customer);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static APIGatewayV2HTTPEvent multipart(String token, String... pairs) {
        String boundary = "----winbackBoundary9QxA";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(pairs[i])
                    .append("\"\r\n\r\n").append(pairs[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return request("POST", "/p/{token}", token, "multipart/form-data; boundary=" + boundary,
                Base64.getEncoder().encodeToString(body.toString().getBytes(StandardCharsets.UTF_8)), true);
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, String token, String contentType,
                                                 String body, boolean base64) {
        return SignedLinkRequests.request(method, path, token, contentType, body, base64);
    }

    private static APIGatewayV2HTTPEvent admin(String method, String customer, String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(method + " /v1/customers/{customerId}/preferences");
        event.setRawPath("/v1/customers/" + customer + "/preferences");
        Map<String, String> path = new HashMap<>();
        path.put("customerId", customer);
        event.setPathParameters(path);
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                        .withSourceIp("203.0.113.9").build()).build());
        return event;
    }

    /** One language, one h1, a legend per fieldset, a label for every visible control, and no script. */
    static void assertAccessible(String html) {
        assertThat(html).contains("<html lang=\"en\">").doesNotContainIgnoringCase("<script");
        assertThat(count(html, "<h1>")).isEqualTo(1);
        assertThat(count(html, "<fieldset>")).isEqualTo(5).isEqualTo(count(html, "<legend>"));
        Matcher controls = Pattern.compile("<(input|select)([^>]*)>").matcher(html);
        Set<String> labelled = new java.util.HashSet<>();
        Matcher labels = Pattern.compile("<label for=\"([^\"]+)\">").matcher(html);
        while (labels.find()) labelled.add(labels.group(1));
        int checked = 0;
        while (controls.find()) {
            String attributes = controls.group(2);
            if (attributes.contains("type=\"hidden\"")) continue;
            Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(attributes);
            assertThat(id.find()).as("a control without an id: %s", attributes).isTrue();
            assertThat(labelled).as("a control without a label").contains(id.group(1));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
