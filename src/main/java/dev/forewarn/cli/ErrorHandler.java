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
            message = IoWords.describe(ex);
        }
        err.println("error: " + IoWords.oneLine(message));
        if (Verbosity.of(cmd) > 0) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (cmd.getCommand() instanceof ExitCodeOnError e) {
            return e.exitCodeOnError(code);
        }
        return code;
    }

    /**
     * Turns an {@link Error} that escaped a command (out of memory, stack overflow) into one
     * {@code error:} line and the command's failure code: 3 (UNKNOWN) for {@code check}, as
     * Nagios reads 1 as WARNING; 1 for the others. The stack trace follows only with {@code -v}.
     *
     * @param args the command line, to tell which command failed
     */
    static int fatal(Error e, String... args) {
        String message;
        if (e instanceof OutOfMemoryError) {
            message = String.format(java.util.Locale.ROOT, "out of memory (%s, heap limit %,d MiB): the input is too large for this heap; "
                    + "split it, or give more with FOREWARN_JAVA_OPTS=-Xmx2g", e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
        } else if (e instanceof StackOverflowError) {
            message = "stack overflow: the input is nested or recursive too deeply";
        } else {
            message = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        System.out.flush();
        System.err.println("error: " + message);
        // the command line could not be relied on to have been parsed: -v is read from the words
        if (java.util.Arrays.stream(args).anyMatch(a -> a.matches("-v+|--verbose"))) {
            e.printStackTrace();
        }
        System.err.flush();
        String command = "";
        for (String a : args) {
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        return command.equals("check") ? ExitCodes.UNKNOWN : ExitCodes.FAILURE;
    }
}
