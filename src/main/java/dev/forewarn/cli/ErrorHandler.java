package dev.forewarn.cli;

import dev.forewarn.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any exception from a command into one {@code error: ...} line on stderr and an exit
 * code; the stack trace follows only with {@code -v}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = ExitCodes.FAILURE;
        String message;
        if (ex instanceof UserException ue) {
            message = ue.getMessage();
            code = ue.exitCode();
        } else if (ex instanceof StoreException se) {
            message = se.getMessage();
        } else if (ex instanceof IllegalArgumentException) {
            message = ex.getMessage();
        } else {
            message = IoWords.describe(ex);
        }
        err.println("error: " + IoWords.oneLine(message));
        if (Verbosity.level() > 0) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (cmd.getCommand() instanceof ExitCodeOnError e) {
            return e.exitCodeOnError(code);
        }
        return code;
    }
}
