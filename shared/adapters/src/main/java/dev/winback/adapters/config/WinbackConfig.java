package dev.winback.adapters.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deployment configuration, read once per execution environment. Physical names come from the
 * template ({@code !Ref}), never from Java literals.
 */
public record WinbackConfig(String tableName, String eventBusName) {

    public static final String TABLE = "WINBACK_TABLE";
    public static final String EVENT_BUS = "WINBACK_EVENT_BUS";

    /** Fails fast, naming every missing variable at once. */
    public static WinbackConfig fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String table = require(env, TABLE, missing);
        String bus = require(env, EVENT_BUS, missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variables: " + String.join(", ", missing));
        }
        return new WinbackConfig(table, bus);
    }

    private static String require(Map<String, String> env, String name, List<String> missing) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value;
    }
}
