package dev.winback.local.runtime.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRouteTest {

    @Test
    void match_extractsPathParameters() {
        HttpRoute route = new HttpRoute("GET", "/v1/customers/{customerId}", "Fn");
        assertThat(route.match("GET", "/v1/customers/cust 1")).contains(Map.of("customerId", "cust 1"));
        assertThat(route.match("get", "/v1/customers/c1")).isPresent();
        assertThat(route.match("POST", "/v1/customers/c1")).isEmpty();
        assertThat(route.match("GET", "/v1/customers/")).isEmpty();
        assertThat(route.match("GET", "/v1/customers/c1/messages")).isEmpty();
        assertThat(route.match("GET", "/v1/customers")).isEmpty();
    }

    @Test
    void match_greedyTakesTheRest_andAnyTakesEveryMethod() {
        HttpRoute route = new HttpRoute("ANY", "/v1/files/{path+}", "Fn");
        assertThat(route.match("DELETE", "/v1/files/a/b/c.txt")).contains(Map.of("path", "a/b/c.txt"));
        assertThat(route.match("GET", "/v1/files")).isEmpty();
    }

    @Test
    void mostSpecificFirst_prefersLiteralsThenMethodsThenGreedyThenDefault() {
        List<HttpRoute> routes = new ArrayList<>(List.of(
                new HttpRoute("ANY", HttpRoute.DEFAULT_ROUTE, "Fn"),
                new HttpRoute("ANY", "/v1/{proxy+}", "Fn"),
                new HttpRoute("ANY", "/v1/customers/{id}", "Fn"),
                new HttpRoute("GET", "/v1/customers/{id}", "Fn"),
                new HttpRoute("GET", "/v1/customers/me", "Fn")));
        routes.sort(HttpRoute::mostSpecificFirst);
        assertThat(routes).extracting(HttpRoute::routeKey).containsExactly(
                "GET /v1/customers/me", "GET /v1/customers/{id}", "ANY /v1/customers/{id}", "ANY /v1/{proxy+}",
                "$default");
    }
}
