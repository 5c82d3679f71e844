package dev.winback.local.runtime;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test templates under src/test/resources/templates. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path template(String name) {
        URL url = Fixtures.class.getResource("/templates/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test template " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's template.yaml, seen from the module directory surefire runs in. */
    public static Path repositoryTemplate() {
        return Path.of("../../template.yaml");
    }
}
