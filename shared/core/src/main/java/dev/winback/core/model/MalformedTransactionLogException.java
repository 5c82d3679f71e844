package dev.winback.core.model;

/** A transaction log line that fits neither accepted layout; names the line so the file can be fixed. */
public final class MalformedTransactionLogException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedTransactionLogException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
    }
}
