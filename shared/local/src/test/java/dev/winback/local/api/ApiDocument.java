package dev.winback.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The OpenAPI document the adapters jar ships ({@code winback/api/openapi.yaml}), read as JSON. */
final class ApiDocument {

    static final String RESOURCE = "winback/api/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument shipped() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("no " + RESOURCE + " on the class path");
            return new ApiDocument(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Every operation as an API Gateway route key, such as {@code GET /u/{token}}. */
    Set<String> routeKeys() {
        Set<String> keys = new TreeSet<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(member -> {
            if (METHODS.contains(member.getKey())) keys.add(member.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }));
        return keys;
    }

    /** The operation of a route key; a missing node when the document has none. */
    JsonNode operation(String routeKey) {
        int space = routeKey.indexOf(' ');
        return root.path("paths").path(routeKey.substring(space + 1)).path(routeKey.substring(0, space).toLowerCase(Locale.ROOT));
    }

    /** The path item (the operations' shared parameters) of a route key. */
    JsonNode pathItem(String routeKey) {
        return root.path("paths").path(routeKey.substring(routeKey.indexOf(' ') + 1));
    }

    /** The security an operation needs: its own, else the document's. */
    JsonNode security(String routeKey) {
        JsonNode own = operation(routeKey).get("security");
        return own != null ? own : root.path("security");
    }

    /** What {@code node} is, following a local {@code $ref} ({@code #/components/...}) when it is one. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) return node;
        String pointer = ref.asText();
        if (!pointer.startsWith("#/")) throw new IllegalArgumentException("not a local reference: " + pointer);
        JsonNode target = root.at(pointer.substring(1));
        if (target.isMissingNode()) throw new IllegalArgumentException("nothing at " + pointer);
        return resolve(target);
    }
}
