package dev.winback.adapters.mustache;

import dev.winback.core.template.ShippedTemplates;
import dev.winback.core.template.TemplateSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The templates shipped in the artifact as sets, one per campaign folder
 * ({@code <root>/<campaignId>/<name>.mustache}), found in a jar or a class-path folder and read
 * once: the artifact does not change while it runs.
 */
public final class ClassPathTemplates implements ShippedTemplates {

    private static final String SUFFIX = ".mustache";

    private final String root;
    private final ClassLoader loader;
    private volatile Map<String, TemplateSet> sets;

    public static ClassPathTemplates shipped() {
        return new ClassPathTemplates(MustacheMessageTemplates.SHIPPED_ROOT, ClassPathTemplates.class.getClassLoader());
    }

    public ClassPathTemplates(String root, ClassLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    @Override
    public Set<String> campaigns() {
        return sets().keySet();
    }

    @Override
    public Optional<TemplateSet> set(String campaignId) {
        return Optional.ofNullable(sets().get(campaignId));
    }

    private Map<String, TemplateSet> sets() {
        if (sets == null) sets = read();
        return sets;
    }

    private Map<String, TemplateSet> read() {
        Map<String, Map<String, String>> files = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(root);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("jar")) fromJar(url, files);
                else if (url.getProtocol().equals("file")) fromFolder(Path.of(url.toURI()), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing the shipped templates", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("listing the shipped templates", e);
        }
        Map<String, TemplateSet> out = new TreeMap<>();
        files.forEach((campaign, byName) -> out.put(campaign, new TemplateSet(byName)));
        return Collections.unmodifiableMap(out);
    }

    private void fromJar(URL url, Map<String, Map<String, String>> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String relative = entry.getName().startsWith(root + "/") ? entry.getName().substring(root.length() + 1) : "";
                if (entry.isDirectory() || !relative.endsWith(SUFFIX)) continue;
                try (InputStream in = jar.getInputStream(entry)) {
                    add(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8), files);
                }
            }
        }
    }

    private void fromFolder(Path folder, Map<String, Map<String, String>> files) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(SUFFIX)) add(relative, Files.readString(file), files);
            }
        }
    }

    /** @param relative {@code <campaignId>/<name>.mustache}; anything deeper or shallower is not a template */
    private static void add(String relative, String source, Map<String, Map<String, String>> files) {
        String[] pieces = relative.split("/");
        if (pieces.length != 2 || !TemplateSet.isCampaignId(pieces[0])) return;
        String name = pieces[1].substring(0, pieces[1].length() - SUFFIX.length());
        files.computeIfAbsent(pieces[0], c -> new TreeMap<>()).putIfAbsent(name, source);
    }
}
