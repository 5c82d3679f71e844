package dev.winback.local.runtime.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Stands in for a function handler: keeps every event and context, answers with a canned response. */
final class RecordingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
    final List<Context> contexts = new CopyOnWriteArrayList<>();
    private volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> answer =
            event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody("{\"ok\":true}").build();

    void answer(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> answer) {
        this.answer = answer;
    }

    APIGatewayV2HTTPEvent last() {
        return events.getLast();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        events.add(event);
        contexts.add(context);
        return answer.apply(event);
    }
}
