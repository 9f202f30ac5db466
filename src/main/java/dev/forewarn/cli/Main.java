package dev.forewarn.cli;

import picocli.CommandLine;

/** Entry point: builds the command tree and exits with the command's code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line in this JVM and returns its exit code (the shell and tests use this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command tree: error handler, case-insensitive enums, default provider. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ForewarnCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        // A bad command line of a Nagios check must still end UNKNOWN (3), not picocli's 2 (CRITICAL to Nagios).
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            int code = usage.handleParseException(ex, args);
            Object cmd = ex.getCommandLine().getCommand();
            return cmd instanceof ExitCodeOnError e ? e.exitCodeOnError(code) : code;
        });
        return cl;
    }
}
