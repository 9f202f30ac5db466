package dev.forewarn.cli;

import dev.forewarn.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
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
        if (ex instanceof CancellationException && Thread.currentThread().isInterrupted()) {
            // Ctrl-C in the shell: the shell says "interrupted" itself once the command is back
            return Interruption.EXIT_CODE;
        }
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
            message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        }
        err.println("error: " + message);
        if (Verbosity.of(cmd) > 0) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (cmd.getCommand() instanceof ExitCodeOnError e) {
            return e.exitCodeOnError(code);
        }
        return code;
    }
}
