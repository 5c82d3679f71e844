package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

public final class TestResources {

    private TestResources() {
    }

    static String text(String resource) {
        try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.WellFormed w -> w.node();
            case ContractJson.JsonReading.Malformed m -> throw new IllegalArgumentException(m.problem());
        };
    }
}
