package dev.winback.adapters.audience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects an export put, in the order it put them. */
final class InMemoryAudienceObjects implements AudienceObjects {

    final Map<String, byte[]> objects = new LinkedHashMap<>();
    final List<String> contentTypes = new ArrayList<>();

    @Override
    public void put(String key, byte[] body, String contentType) {
        objects.put(key, body.clone());
        contentTypes.add(contentType);
    }

    @Override
    public void put(String key, Path file, String contentType) {
        try {
            put(key, Files.readAllBytes(file), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String key) {
        return new String(objects.get(key), StandardCharsets.UTF_8);
    }
}
