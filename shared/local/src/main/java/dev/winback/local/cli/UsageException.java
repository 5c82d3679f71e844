package dev.winback.local.cli;

/** The command line is wrong; the message says how, and the caller exits with 2 and no stack trace. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
