package dev.forewarn.cli;

/**
 * A failure the user can act on: its message is printed as the single {@code error: ...}
 * line, without a stack trace unless {@code -v}. The message says what is wrong and what to do.
 */
public class UserException extends RuntimeException {

    private final int exitCode;

    /** A failure with exit code {@link ExitCodes#FAILURE}. */
    public UserException(String message) {
        this(message, ExitCodes.FAILURE, null);
    }

    /** A failure with its cause, kept for {@code -v}. */
    public UserException(String message, Throwable cause) {
        this(message, ExitCodes.FAILURE, cause);
    }

    /** A failure with a specific exit code (e.g. {@link ExitCodes#UNKNOWN} for {@code check}). */
    public UserException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code the process ends with. */
    public int exitCode() {
        return exitCode;
    }
}
