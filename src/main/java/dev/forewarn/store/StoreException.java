package dev.forewarn.store;

import java.nio.file.Path;

/**
 * A store failure a user can act on: the message names the store file, says what is wrong and
 * what to do ("the store /var/lib/forewarn/forewarn.db is locked by another process ...").
 * The command line prints it as the single {@code error:} line.
 */
public class StoreException extends RuntimeException {

    private final transient Path file;

    /** A failure about {@code file}, with a message that already names it. */
    public StoreException(Path file, String message) {
        this(file, message, null);
    }

    /** A failure with its cause, kept for {@code -v}. */
    public StoreException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The store file the failure is about (may be null for a failure not tied to a file). */
    public Path file() {
        return file;
    }
}
