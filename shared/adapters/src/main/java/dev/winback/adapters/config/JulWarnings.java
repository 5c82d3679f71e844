package dev.winback.adapters.config;

import dev.winback.core.observe.Warnings;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The core's warnings as java.util.logging records at WARNING, under the logger of the class that reports them. */
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
        logger.log(Level.WARNING, message, cause);
    }
}
