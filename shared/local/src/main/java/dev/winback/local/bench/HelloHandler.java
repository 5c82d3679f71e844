package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The cold-start baseline: a handler that does nothing, timed exactly like the real ones. */
public final class HelloHandler implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object event, Context context) {
        return "hello";
    }
}
