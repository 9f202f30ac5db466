package dev.forewarn.cli;

import java.util.Optional;
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
        try {
            return commandLine(args).execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the error handler; an Error would end the JVM
            // with a stack trace and exit 1, which is WARNING to Nagios
            return ErrorHandler.fatal(e, args);
        }
    }

    /** The whole configured command tree, for help, completion and the shell. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new ForewarnCommand()));
    }

    /**
     * The tree that {@code args} need: the root with only the subcommand they name, or the
     * whole tree when they name none (help, {@code --version}, a misspelt command that picocli
     * should suggest a fix for). Root options may come first ({@code forewarn -v sample}).
     */
    public static CommandLine commandLine(String... args) {
        Optional<Class<?>> sub = Optional.empty();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                sub = ForewarnCommand.subcommand(arg).filter(c -> c != CommandLine.HelpCommand.class);
                break;
            }
        }
        if (sub.isEmpty()) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(new RootCommand());
        cl.addSubcommand(sub.get());
        return configured(cl);
    }

    /** Error handlers, case-insensitive enums and environment defaults, set on every command of the tree. */
    private static CommandLine configured(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // the log level of each run comes from its own -v, so that no shell line inherits another's
        cl.setExecutionStrategy(parsed -> {
            Verbosity.applyToLogging(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        return cl;
    }
}
