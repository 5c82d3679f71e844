package dev.winback.adapters.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON and RFC 9457 problem responses. Problems never echo internals or input values. */
public final class HttpResponses {

    private static final JsonFactory JSON = new JsonFactory();

    /** One invalid field; {@code index} is the event's position in a batch, or -1. */
    public record InvalidField(int index, String eventId, String field, String message) { }

    @FunctionalInterface
    public interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonBody body) {
        return response(status, "application/json", render(body));
    }

    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail) {
        return problem(status, title, detail, List.of());
    }

    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, List<InvalidField> errors) {
        return problem(status, title, detail, errors, 0);
    }

    /**
     * @param errors  the errors to name; callers list at most {@link dev.winback.core.ingest.FieldError#MAX_LISTED}
     * @param omitted how many more there were: answered as {@code errorsOmitted}, so the response
     *                stays small (Lambda refuses responses over 6 MB) whatever the request held
     */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, List<InvalidField> errors,
                                                   int omitted) {
        return problem(status, title, detail, g -> {
            if (!errors.isEmpty()) {
                g.writeArrayFieldStart("errors");
                for (InvalidField e : errors) {
                    g.writeStartObject();
                    if (e.index() >= 0) g.writeNumberField("index", e.index());
                    if (e.eventId() != null) g.writeStringField("eventId", e.eventId());
                    g.writeStringField("field", e.field());
                    g.writeStringField("message", e.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (omitted > 0) g.writeNumberField("errorsOmitted", omitted);
        });
    }

    /**
     * A problem with members of its own after {@code detail} (such as the problems of a refused
     * definition), written by {@code extension}.
     */
    public static APIGatewayV2HTTPResponse problem(int status, String title, String detail, JsonBody extension) {
        return response(status, "application/problem+json", render(g -> {
            g.writeStartObject();
            g.writeStringField("type", "about:blank");
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            extension.write(g);
            g.writeEndObject();
        }));
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType, "cache-control", "no-store"))
                .withBody(body).withIsBase64Encoded(false).build();
    }

    private static String render(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a response", e);
        }
        return out.toString();
    }
}
