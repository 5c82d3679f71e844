package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function's environment variables as the template sets them (Globals.Function, then the
 * function's own), resolved locally: a literal stays, {@code !Ref} to a resource the runtime created
 * becomes its local name, {@code !Ref} to a parameter becomes the parameter's Default. Anything else
 * (Sub, GetAtt, pseudo parameters) cannot be resolved without a stack and is left out, so config
 * loading reports it as missing.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    /**
     * @param functionId  the function's logical id, or empty for the Globals alone
     * @param localNames  logical id of each resource the runtime created to its local name
     */
    public static Map<String, String> resolve(SamTemplate template, Optional<String> functionId,
                                              Map<String, String> localNames) {
        Map<String, String> env = new LinkedHashMap<>();
        addAll(template, template.root().path("Globals").path("Function").path("Environment").path("Variables"),
                localNames, env);
        functionId.ifPresent(id -> addAll(template, template.root().path("Resources").path(id)
                .path("Properties").path("Environment").path("Variables"), localNames, env));
        return env;
    }

    private static void addAll(SamTemplate template, JsonNode variables, Map<String, String> localNames,
                               Map<String, String> env) {
        variables.properties().forEach(variable -> resolve(template, variable.getValue(), localNames)
                .ifPresentOrElse(value -> env.put(variable.getKey(), value), () -> env.remove(variable.getKey())));
    }

    private static Optional<String> resolve(SamTemplate template, JsonNode value, Map<String, String> localNames) {
        if (value.isValueNode() && !value.isNull()) {
            return Optional.of(value.asText());
        }
        JsonNode ref = value.path("Ref");
        if (value.size() == 1 && ref.isTextual()) {
            String target = ref.textValue();
            if (localNames.containsKey(target)) {
                return Optional.of(localNames.get(target));
            }
            JsonNode fallback = template.root().path("Parameters").path(target).path("Default");
            if (fallback.isValueNode() && !fallback.isMissingNode()) {
                return Optional.of(fallback.asText());
            }
        }
        return Optional.empty();
    }
}
