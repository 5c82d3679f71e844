package dev.winback.adapters.json;

import dev.winback.core.playbook.Playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the playbook once per execution environment, from the classpath (the one shipped in the
 * artifact) or from a file (an operator's own). A playbook with any problem stops the start-up with
 * every problem listed: running on a half-valid playbook would act on some signals and not others.
 */
public final class PlaybookLoader {

    /** The playbook shipped with Winback; a test reads it, so a broken one fails the build. */
    public static final String SHIPPED = "winback/playbook.json";

    private final PlaybookParser parser = new PlaybookParser();

    public Playbook shipped() {
        return fromClasspath(SHIPPED);
    }

    public Playbook fromClasspath(String resource) {
        try (InputStream in = PlaybookLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no playbook on the classpath at " + resource);
            }
            return fromText(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the playbook classpath:" + resource, e);
        }
    }

    public Playbook fromPath(Path path) {
        try {
            return fromText(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the playbook " + path, e);
        }
    }

    /** @param source where the text came from, named in the error */
    public Playbook fromText(String text, String source) {
        return switch (parser.read(text, source)) {
            case PlaybookReading.Valid valid -> valid.playbook();
            case PlaybookReading.Invalid invalid -> throw new InvalidPlaybookException(invalid);
        };
    }
}
