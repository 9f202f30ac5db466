package dev.forewarn.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line gets one {@code error: ...} line and a pointer to the help, not the whole
 * usage text (which buries the error in a cron mail), and exit code {@link ExitCodes#USAGE}
 * ({@code check}: UNKNOWN, through {@link ExitCodeOnError}).
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + IoWords.oneLine(ex.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        }
        err.flush();
        // A bad command line of a Nagios check must still end UNKNOWN (3): Nagios reads 2 as CRITICAL.
        return cmd.getCommand() instanceof ExitCodeOnError e ? e.exitCodeOnError(ExitCodes.USAGE) : ExitCodes.USAGE;
    }
}
