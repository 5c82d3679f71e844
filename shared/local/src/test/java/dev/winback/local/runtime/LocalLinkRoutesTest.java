package dev.winback.local.runtime;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-local serve} routes as template.yaml does: the signed-link routes to the public link
 * function's handler, the operator routes to the HTTP API's.
 */
class LocalLinkRoutesTest {

    @Test
    void theLinkRoutesAndTheOperatorRoutes_areEachServedByTheirOwnFunction() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.repositoryTemplate(), 0, Instant.parse("2026-11-23T00:00:00Z"));
             HttpClient http = HttpClient.newHttpClient()) {
            assertThat(runtime.server().routes()).anySatisfy(route -> {
                assertThat(route.routeKey()).isEqualTo("GET /u/{token}");
                assertThat(route.functionId()).isEqualTo("PublicLinksFunction");
            });
            for (String path : new String[] {"/u/not-a-token", "/p/not-a-token"}) {
                HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create(runtime.server().baseUri() + path))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(link.statusCode()).as(path).isEqualTo(404);
                assertThat(link.headers().firstValue("content-type").orElse("")).as(path).startsWith("text/html");
            }
            HttpResponse<String> customer = http.send(HttpRequest.newBuilder(
                    URI.create(runtime.server().baseUri() + "/v1/customers/nobody-here")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(customer.statusCode()).isEqualTo(404);
            assertThat(customer.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        }
    }
}
