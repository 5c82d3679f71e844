package dev.winback.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.functions.api.HttpApiComposition;
import dev.winback.functions.links.PublicLinksComposition;
import dev.winback.functions.cdp.CdpIngestComposition;
import dev.winback.adapters.config.CdpWriteKeys;
import dev.winback.local.runtime.Fixtures;
import dev.winback.local.runtime.template.HttpApiRoutes;
import dev.winback.local.runtime.template.HttpRoute;
import dev.winback.local.runtime.template.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes exactly the routes template.yaml deploys and the functions'
 * route tables serve: a route added to either without its documentation fails the build, and so
 * does a documented route nothing serves. Anonymous routes are documented as such, and every path
 * parameter is declared.
 */
class ApiDocumentRoutesTest {

    private static final AwsClients CLIENTS = new AwsClients(new UnusedDynamoDb());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private static final String CDP_ROUTE = "POST /v1/cdp/{source}";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final ApiDocument document = ApiDocument.shipped();
    private final SamTemplate template = SamTemplate.read(Fixtures.repositoryTemplate());

    @AfterAll
    static void close() {
        CLIENTS.close();
    }

    /** The operator routes and the link routes, as the two functions compose them. */
    static Set<String> servedRouteKeys() {
        WinbackConfig config = new WinbackConfig("winback-test", "winback-bus");
        LinkConfig links = LinkConfig.localDevelopment(null);
        Set<String> operator = new HttpApiComposition(config, CLIENTS, links.keys(), CLOCK).routes().routeKeys();
        Set<String> link = new PublicLinksComposition(config, CLIENTS, links, CLOCK).routes().routeKeys();
        Set<String> cdp = new CdpIngestComposition(config, CLIENTS, CdpWriteKeys.localDevelopment(),
                events -> List.of(), CLOCK).routeKeys();
        assertThat(operator).as("routes served by both functions").doesNotContainAnyElementsOf(link);
        Set<String> all = new TreeSet<>(operator);
        all.addAll(link);
        all.addAll(cdp);
        return all;
    }

    @Test
    void theDocumentedRoutes_areTheTemplatesRoutes() {
        Set<String> deployed = HttpApiRoutes.from(template).stream().map(HttpRoute::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(deployed).hasSizeGreaterThanOrEqualTo(16);
        assertThat(document.routeKeys()).isEqualTo(deployed);
    }

    @Test
    void theDocumentedRoutes_areTheRoutesTheFunctionsServe() {
        assertThat(document.routeKeys()).isEqualTo(servedRouteKeys());
    }

    @Test
    void exactlyTheTemplatesAnonymousRoutes_areDocumentedWithoutSecurity() {
        Set<String> anonymous = new TreeSet<>();
        template.resourcesOfType(SamTemplate.SERVERLESS_FUNCTION).values().forEach(function ->
                function.path("Properties").path("Events").forEach(event -> {
                    JsonNode properties = event.path("Properties");
                    if ("HttpApi".equals(event.path("Type").asText())
                            && "NONE".equals(properties.path("Auth").path("Authorizer").asText())) {
                        anonymous.add(properties.path("Method").asText() + " " + properties.path("Path").asText());
                    }
                }));
        assertThat(anonymous).isNotEmpty();

        for (String route : document.routeKeys()) {
            JsonNode security = document.security(route);
            if (route.equals(CDP_ROUTE)) {
                assertThat(anonymous).contains(route);
                assertThat(security.toString()).as(route + " takes the source's write key").isEqualTo("[{\"cdpWriteKey\":[]}]");
            } else if (anonymous.contains(route)) {
                assertThat(security.isArray() && security.isEmpty()).as(route + " is anonymous: security []").isTrue();
            } else {
                assertThat(security.toString()).as(route + " needs SigV4").isEqualTo("[{\"sigv4\":[]}]");
            }
        }
        assertThat(document.root().at("/components/securitySchemes/sigv4/x-amazon-apigateway-authtype").asText())
                .isEqualTo("awsSigv4");
    }

    @Test
    void everyPathParameter_isDeclared_andEveryOperationAnswersErrors() {
        for (String route : document.routeKeys()) {
            Set<String> inPath = new TreeSet<>();
            Matcher m = PATH_PARAMETER.matcher(route);
            while (m.find()) inPath.add(m.group(1));
            Set<String> declared = new TreeSet<>();
            for (JsonNode holder : new JsonNode[] {document.pathItem(route), document.operation(route)}) {
                holder.path("parameters").forEach(p -> {
                    JsonNode parameter = document.resolve(p);
                    if ("path".equals(parameter.path("in").asText())) {
                        assertThat(parameter.path("required").asBoolean()).as(route + " " + parameter.path("name")).isTrue();
                        declared.add(parameter.path("name").asText());
                    }
                });
            }
            assertThat(declared).as(route + " path parameters").isEqualTo(inPath);
            assertThat(document.operation(route).path("responses").has("500")).as(route + " documents 500").isTrue();
        }
    }
}
