package dev.forewarn.cli;

/**
 * A command whose failures map to its own exit codes: {@code check} ends UNKNOWN (3), not 1,
 * when it cannot reach a verdict, as a Nagios plugin must.
 */
public interface ExitCodeOnError {

    /** The exit code for a failure that would otherwise end with {@code defaultCode}. */
    int exitCodeOnError(int defaultCode);
}
