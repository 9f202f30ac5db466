package dev.forewarn.cli;

/**
 * Every exit code forewarn returns. {@code check} follows the Nagios plugin convention so that
 * Nagios, Icinga and Sensu can run it as a check; every other command uses picocli's.
 */
public final class ExitCodes {

    /** check: nothing is projected to cross a threshold within its horizon. */
    public static final int OK = 0;
    /** check: at least one finding of severity warning. */
    public static final int WARNING = 1;
    /** check: at least one finding of severity critical. */
    public static final int CRITICAL = 2;
    /** check: the verdict could not be reached (broken rules, unreadable store). */
    public static final int UNKNOWN = 3;

    /** Other commands: done. */
    public static final int SUCCESS = 0;
    /** Other commands: failed; one {@code error:} line on stderr says why. */
    public static final int FAILURE = 1;
    /** Other commands: the command line itself is wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
