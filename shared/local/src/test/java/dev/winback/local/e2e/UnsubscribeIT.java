package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.links.SignedLinks;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.local.runtime.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-click unsubscribe (RFC 8058) through the HTTP API handler, against DynamoDB Local: GET never
 * changes anything, POST works with both form encodings, answers 200 without redirect or cookie,
 * and is idempotent; links work a year after they were sent.
 */
class UnsubscribeIT {

    private static final URI BASE = URI.create("https://links.example.com");
    private final IngestFixture fixture = IngestFixture.get();
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final LinkConfig linkConfig = LinkConfig.localDevelopment(BASE);
    private final ApiGateway api = new ApiGateway(fixture.config, fixture.clients, linkConfig, clock);
    private final SignedLinks links = new SignedLinks(BASE, linkConfig.tokens(), clock);

    @Test
    void aThousandGets_showAPageWithAButtonAndChangeNothing() {
        String customer = "unsub-get-1";
        subscribe(customer);
        StoredRecord before = record(customer);
        String token = token(links.oneClick(customer, Channel.EMAIL, null));

        for (int i = 0; i < 1_000; i++) {
            APIGatewayV2HTTPResponse page = api.handleRequest(request("GET", token, null, null, false), null);
            assertThat(page.getStatusCode()).isEqualTo(200);
            if (i == 0) {
                assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                        .containsEntry("cache-control", "no-store").doesNotContainKey("location");
                assertThat(page.getBody()).contains("<html lang=\"en\">").contains("<form method=\"post\">")
                        .contains("name=\"List-Unsubscribe\" value=\"One-Click\"").contains("<button type=\"submit\">");
            }
        }

        StoredRecord after = record(customer);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.record()).isEqualTo(before.record());
    }

    @Test
    void post_formUrlEncoded_unsubscribesWith200NoRedirectNoCookie_andIsIdempotent() {
        String customer = "unsub-form-1";
        subscribe(customer);
        String token = token(links.oneClick(customer, Channel.EMAIL, null));
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));

        APIGatewayV2HTTPResponse first = api.handleRequest(request("POST", token,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", false), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getHeaders()).doesNotContainKey("location").doesNotContainKey("set-cookie");
        assertThat(first.getCookies()).isNullOrEmpty();
        assertThat(first.getBody()).contains("You are unsubscribed");
        ChannelState email = record(customer).record().channel(Channel.EMAIL);
        assertThat(email.consent().get(Purpose.MARKETING).value().granted()).isFalse();
        assertThat(email.consent().get(Purpose.MARKETING).value().source()).isEqualTo("one-click");
        assertThat(email.subscription().value()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);

        long version = record(customer).version();
        clock.advance(Duration.ofSeconds(40));
        APIGatewayV2HTTPResponse again = api.handleRequest(request("POST", token,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", false), null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(record(customer).version()).as("a mail client's retry changes nothing").isEqualTo(version);

        // Re-subscribed the same day, then the old link again: the withdrawal is recorded again.
        clock.advance(Duration.ofMinutes(5));
        fixture.ingestion.intake().apply(List.of(new dev.winback.core.event.EngagementEvent("resub-" + customer, customer,
                clock.instant(), java.util.Optional.empty(), new dev.winback.core.event.EventPayload.ConsentChanged(
                Channel.EMAIL, Purpose.MARKETING, true, "web", "v1"))));
        assertThat(record(customer).record().channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted())
                .isTrue();
        clock.advance(Duration.ofMinutes(5));
        api.handleRequest(request("POST", token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click",
                false), null);
        assertThat(record(customer).record().channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted())
                .as("the same link later the same day withdraws again").isFalse();
    }

    @Test
    void post_multipart_base64EncodedAsApiGatewaySendsIt_unsubscribes() {
        String customer = "unsub-multipart-1";
        subscribe(customer);
        String token = token(links.oneClick(customer, Channel.EMAIL, "promotions"));
        String boundary = "----winbackBoundary7MA4YWxk";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                + "One-Click\r\n"
                + "--" + boundary + "--\r\n";

        APIGatewayV2HTTPResponse response = api.handleRequest(request("POST", token,
                "multipart/form-data; boundary=" + boundary,
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(record(customer).record().channel(Channel.EMAIL).subscription().value())
                .isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }

    @Test
    void aLinkStillWorks365DaysLater_onTheVirtualClock() {
        String customer = "unsub-late-1";
        subscribe(customer);
        String token = token(links.oneClick(customer, Channel.EMAIL, null));

        clock.advance(Duration.ofDays(365));
        APIGatewayV2HTTPResponse response = api.handleRequest(request("POST", token,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", false), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(record(customer).record().channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().granted())
                .isFalse();
    }

    @Test
    void tamperedTokens_andPostsWithoutTheOneClickBody_changeNothing() {
        String customer = "unsub-bad-1";
        subscribe(customer);
        long version = record(customer).version();
        String token = token(links.oneClick(customer, Channel.EMAIL, null));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(api.handleRequest(request("POST", tampered, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", false), null).getStatusCode()).isEqualTo(404);
        assertThat(api.handleRequest(request("GET", tampered, null, null, false), null).getStatusCode()).isEqualTo(404);
        assertThat(api.handleRequest(request("POST", token, "application/x-www-form-urlencoded", "", false), null)
                .getStatusCode()).isEqualTo(400);
        assertThat(api.handleRequest(request("POST", token, "application/json", "{}", false), null)
                .getStatusCode()).isEqualTo(400);
        assertThat(record(customer).version()).isEqualTo(version);
    }

    private void subscribe(String customer) {
        Instant at = clock.instant().minus(Duration.ofDays(30));
        List<EngagementEvent> events = List.of(
                new EngagementEvent(customer + "-consent", customer, at, Optional.empty(),
                        new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1")),
                new EngagementEvent(customer + "-sub", customer, at, Optional.empty(),
                        new EventPayload.EmailSubscriptionChanged(dev.winback.core.event.EmailStatus.SUBSCRIBED)));
        assertThat(fixture.sendBodies(events.stream().map(fixture::json).toList())).isEmpty();
    }

    private StoredRecord record(String customer) {
        return fixture.records(List.of(customer)).get(customer);
    }

    private static String token(URI link) {
        String path = link.getPath();
        assertThat(path).startsWith("/u/");
        return path.substring(3);
    }

    private static APIGatewayV2HTTPEvent request(String method, String token, String contentType, String body,
                                                 boolean base64) {
        return SignedLinkRequests.request(method, "/u/{token}", token, contentType, body, base64);
    }
}
