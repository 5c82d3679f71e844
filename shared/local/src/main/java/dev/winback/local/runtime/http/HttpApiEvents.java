package dev.winback.local.runtime.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.winback.local.runtime.lambda.LocalLambdaContext;
import dev.winback.local.runtime.template.HttpRoute;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shapes a request into the event API Gateway HTTP APIs send with payload format 2.0: header names
 * lower-cased and repeated values joined by commas, cookies moved out of the headers into
 * {@code cookies}, rawPath and pathParameters URL-decoded (HTTP APIs decode both), rawQueryString
 * as sent, queryStringParameters decoded with repeats joined by commas, absent maps left null, and
 * a body that is base64-encoded unless its content type is text. The stage is {@code $default}.
 * Requests are not signed locally: the event carries one fixed local IAM caller.
 */
public final class HttpApiEvents {

    public static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> TEXT_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript", "application/x-www-form-urlencoded");

    private HttpApiEvents() {
    }

    /**
     * @param route          the matched route, whose key becomes routeKey
     * @param pathParameters what the route extracted from the path (decoded)
     * @param at             the request time, from the runtime's (virtual) clock
     */
    public static APIGatewayV2HTTPEvent toEvent(HttpRequestData request, HttpRoute route,
                                                Map<String, String> pathParameters, Instant at) {
        String path = request.uri().getPath() == null || request.uri().getPath().isEmpty() ? "/" : request.uri().getPath();
        String rawQuery = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        Map<String, String> headers = headers(request);
        String host = headers.getOrDefault("host", "localhost");
        String domain = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        boolean text = isText(headers.get("content-type"));
        byte[] body = request.body();

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method().toUpperCase(Locale.ROOT))
                .withPath(path)
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.get("user-agent"))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LocalLambdaContext.ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domain)
                .withDomainPrefix(domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain)
                .withStage("$default")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.routeKey())
                .withTime(REQUEST_TIME.format(at))
                .withTimeEpoch(at.toEpochMilli())
                .withHttp(http)
                .withAuthorizer(localCaller())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(path)
                .withRawQueryString(rawQuery)
                .withCookies(cookies(request))
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(context)
                .build();
    }

    /** text/*, JSON, XML, JavaScript and form bodies pass as text; anything else (or no type) as base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml");
    }

    private static Map<String, String> headers(HttpRequestData request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie") && !values.isEmpty()) {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = headers.get("host");
        if (host != null && host.contains(":")) {
            headers.putIfAbsent("x-forwarded-port", host.substring(host.lastIndexOf(':') + 1));
        }
        return headers;
    }

    private static List<String> cookies(HttpRequestData request) {
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            }
        });
        return cookies.isEmpty() ? null : cookies;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer localCaller() {
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                .withAccountId(LocalLambdaContext.ACCOUNT_ID)
                .withAccessKey("LOCAL")
                .withCallerId("LOCAL")
                .withUserId("LOCAL")
                .withUserArn("arn:aws:iam::" + LocalLambdaContext.ACCOUNT_ID + ":user/winback-local")
                .build();
        return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withIam(iam).build();
    }
}
