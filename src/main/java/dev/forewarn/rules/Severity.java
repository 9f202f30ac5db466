package dev.forewarn.rules;

/** How bad a finding is, ordered from best to worst; the exit code of {@code check} is the worst one's. */
public enum Severity {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int exitCode;

    Severity(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The Nagios plugin exit code for this severity. */
    public int exitCode() {
        return exitCode;
    }

    /** Worst-first ordering: CRITICAL, WARNING, UNKNOWN, OK (Nagios ranks UNKNOWN below CRITICAL and WARNING for display). */
    public int rank() {
        return switch (this) {
            case CRITICAL -> 3;
            case WARNING -> 2;
            case UNKNOWN -> 1;
            case OK -> 0;
        };
    }
}
