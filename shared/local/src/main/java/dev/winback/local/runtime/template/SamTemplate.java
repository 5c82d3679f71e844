package dev.winback.local.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SAM / CloudFormation template: the single source of the local runtime's tables, routes
 * and schedules, so nothing about the deployed shape is repeated in Java.
 */
public record SamTemplate(Path source, JsonNode root) {

    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

    public SamTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
    }

    public static SamTemplate read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("template not found: " + path.toAbsolutePath());
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            JsonNode root = CloudFormationYaml.read(reader);
            if (!root.isObject()) {
                throw new IllegalArgumentException("template is not a YAML mapping: " + path);
            }
            return new SamTemplate(path, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    /** Resources of one type, logical id to the resource node (Type, Properties, ...), in template order. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    /** A function property, falling back to {@code Globals.Function} as SAM does; missing node if neither has it. */
    public JsonNode functionProperty(String logicalId, String property) {
        JsonNode own = root.path("Resources").path(logicalId).path("Properties").path(property);
        return own.isMissingNode() ? root.path("Globals").path("Function").path(property) : own;
    }

    /** Logical id of the function whose Handler names {@code handlerClass} (before "::"), if any. */
    public Optional<String> functionWithHandler(Class<?> handlerClass) {
        for (String logicalId : resourcesOfType(SERVERLESS_FUNCTION).keySet()) {
            String handler = functionProperty(logicalId, "Handler").asText("");
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            if (className.equals(handlerClass.getName())) {
                return Optional.of(logicalId);
            }
        }
        return Optional.empty();
    }
}
