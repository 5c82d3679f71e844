package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** One API route. */
interface Route {
    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request);
}
