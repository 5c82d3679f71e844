package dev.winback.local.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, with nothing that reaches out (no network services, no updates, no
 * sync) and a fresh profile per page: loads a file and returns its DOM after scripts and layout,
 * and what the browser logged, where the page's console messages and refused loads appear.
 */
final class HeadlessChromium {

    private static final List<String> QUIET = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--enable-logging=stderr", "--v=0");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** WINBACK_CHROMIUM, else chromium on the PATH or in /usr/bin. */
    static Optional<HeadlessChromium> find() {
        String configured = System.getenv("WINBACK_CHROMIUM");
        if (configured != null && !configured.isBlank()) return Optional.of(new HeadlessChromium(Path.of(configured)));
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) candidates.add(Path.of(dir, "chromium"));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /** What the browser made of a page. */
    record Page(String dom, List<String> consoleLines, byte[] screenshot) {
    }

    Page load(Path html, int width, int height) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("winback-chromium");
        try {
            Run dom = run(work, "dom", "--dump-dom", html);
            Path png = work.resolve("page.png");
            Run shot = run(work, "shot", List.of("--window-size=" + width + "," + height, "--screenshot=" + png), html);
            List<String> console = new ArrayList<>();
            for (String line : (dom.stderr + "\n" + shot.stderr).split("\n")) {
                if (line.contains(":CONSOLE")) console.add(line);
            }
            return new Page(dom.stdout, console, Files.exists(png) ? Files.readAllBytes(png) : new byte[0]);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private Run run(Path work, String name, String option, Path html) throws IOException, InterruptedException {
        return run(work, name, List.of(option), html);
    }

    private Run run(Path work, String name, List<String> options, Path html) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(QUIET);
        command.add("--user-data-dir=" + work.resolve("profile-" + name));
        command.addAll(options);
        command.add(html.toUri().toString());
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
