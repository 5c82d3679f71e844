package dev.winback.local.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A response ready to write: status, headers (a name may repeat, as Set-Cookie does) and body bytes. */
public record HttpResponseData(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpResponseData {
        headers = Map.copyOf(headers);
    }

    public static HttpResponseData json(int status, String json) {
        return new HttpResponseData(status, Map.of("content-type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponseData problem(ProblemJson problem) {
        return new HttpResponseData(problem.status(), Map.of("content-type", List.of(ProblemJson.CONTENT_TYPE)),
                problem.toBytes());
    }
}
