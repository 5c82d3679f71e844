package dev.winback.adapters.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (and so {@code events/}) from wherever the test JVM was started. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) || isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    static Path events() {
        return find().resolve("events");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isParentPom(Path pom) {
        return Files.isRegularFile(pom) && read(pom).contains("<artifactId>winback-parent</artifactId>")
                && !read(pom).contains("<parent>");
    }
}
