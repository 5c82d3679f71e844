package dev.winback.adapters.observe;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Makes every java.util.logging record in the process a JSON line ({@link JsonLogFormatter}). */
public final class JsonLogging {

    private static volatile boolean installed;

    private JsonLogging() {
    }

    /** Replaces the root logger's handlers with one writing JSON lines; once per process. */
    public static synchronized void install(String service) {
        if (installed) return;
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler existing : root.getHandlers()) root.removeHandler(existing);
        ConsoleHandler json = new ConsoleHandler();
        json.setFormatter(new JsonLogFormatter(service));
        root.addHandler(json);
        installed = true;
    }
}
