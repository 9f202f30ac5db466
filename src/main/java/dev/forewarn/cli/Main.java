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
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        return cl;
    }
}
