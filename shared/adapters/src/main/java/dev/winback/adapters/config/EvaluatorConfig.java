package dev.winback.adapters.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the evaluator needs beyond {@link WinbackConfig}: where delivery requests go. */
public record EvaluatorConfig(WinbackConfig winback, String deliveryQueueUrl) {

    public static final String DELIVERY_QUEUE_URL = "WINBACK_DELIVERY_QUEUE_URL";

    /** Fails fast, naming every missing variable at once. */
    public static EvaluatorConfig fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(WinbackConfig.TABLE, WinbackConfig.EVENT_BUS, DELIVERY_QUEUE_URL)) {
            String value = env.get(name);
            if (value == null || value.isBlank()) missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variables: " + String.join(", ", missing));
        }
        return new EvaluatorConfig(WinbackConfig.fromEnvironment(env), env.get(DELIVERY_QUEUE_URL));
    }
}
