package dev.winback.adapters.config;

import dev.winback.core.observe.Warnings;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The core's reports as java.util.logging records under the logger of the class that reports them:
 * warnings at WARNING, notes at INFO.
 */
public final class JulWarnings implements Warnings {

    private final Logger logger;

    public JulWarnings(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
    }

    public JulWarnings(Class<?> reporter) {
        this(reporter.getName());
    }

    @Override
    public void warn(String message, Throwable cause) {
        // logp: the record names the reporting class, not this adapter, as its source.
        logger.logp(Level.WARNING, logger.getName(), null, message, cause);
    }

    @Override
    public void note(String message) {
        logger.logp(Level.INFO, logger.getName(), null, message);
    }
}
