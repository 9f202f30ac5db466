package dev.forewarn.cli;

import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The whole {@code forewarn} command tree: {@link RootCommand} with every subcommand. Help,
 * the shell, completion and the man pages read this tree; a run that names one subcommand
 * gets a tree with only that one (see {@link Main#commandLine(String...)}).
 */
@Command(subcommands = {
        SampleCommand.class,
        CollectCommand.class,
        CheckCommand.class,
        ForecastCommand.class,
        BacktestCommand.class,
        ReportCommand.class,
        ShowCommand.class,
        ImportCommand.class,
        ExportCommand.class,
        StoreCommand.class,
        RulesCommand.class,
        ServeCommand.class,
        dev.forewarn.cli.shell.TopCommand.class,
        dev.forewarn.cli.shell.ShellCommand.class,
        DemoCommand.class,
        HelpCommand.class,
})
public final class ForewarnCommand extends RootCommand {

    /** The subcommand class called {@code name}, if there is one. */
    static Optional<Class<?>> subcommand(String name) {
        for (Class<?> c : ForewarnCommand.class.getAnnotation(Command.class).subcommands()) {
            if (conventionalName(c).equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code SampleCommand} is {@code sample}: every subcommand is named after its class
     * (CommandTreeTest holds them to it). Reading each class's {@code @Command} instead would
     * parse fifteen annotations, a few percent of a cold {@code sample}.
     */
    static String conventionalName(Class<?> command) {
        String simple = command.getSimpleName();
        return simple.substring(0, simple.length() - "Command".length()).toLowerCase(Locale.ROOT);
    }
}
