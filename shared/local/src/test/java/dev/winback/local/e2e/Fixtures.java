package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the AWS-shaped payloads in events/ with the Lambda runtime's own deserialiser. */
final class Fixtures {

    private Fixtures() {
    }

    static <T> T load(String name, Class<T> type) {
        Path file = IngestFixture.templatePath().getParent().resolve("events").resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            return LambdaEventSerializers.serializerFor(type, Fixtures.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading fixture " + file, e);
        }
    }
}
