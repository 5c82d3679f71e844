package dev.winback.adapters.config;

import dev.winback.core.observe.Warnings;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Warnings from the core as java.util.logging records, under the logger of the class they come from. */
public final class JulWarnings implements Warnings {

    private final Logger logger;

    public JulWarnings(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    @Override
    public void warn(String message, Throwable cause) {
        logger.log(Level.WARNING, message, cause);
    }
}
