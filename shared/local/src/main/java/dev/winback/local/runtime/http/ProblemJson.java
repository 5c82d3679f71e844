package dev.winback.local.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** RFC 9457 problem details for the answers the local runtime gives itself (never a function's). */
public record ProblemJson(int status, String title, String detail, Optional<FieldError> fieldError) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with one named request field. */
    public record FieldError(String field, String detail) {
    }

    public static ProblemJson of(int status, String title, String detail) {
        return new ProblemJson(status, title, detail, Optional.empty());
    }

    /** A 400 about one request field, named in the detail and in {@code errors[0].field}. */
    public static ProblemJson badField(String field, String detail) {
        return new ProblemJson(400, "Bad Request", field + ": " + detail, Optional.of(new FieldError(field, detail)));
    }

    public byte[] toBytes() {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        fieldError.ifPresent(error -> body.putArray("errors").addObject()
                .put("field", error.field())
                .put("detail", error.detail()));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
