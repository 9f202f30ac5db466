package dev.forewarn.cli;

import java.util.Arrays;
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
        dev.forewarn.cli.shell.TopCommand.class,
        dev.forewarn.cli.shell.ShellCommand.class,
        DemoCommand.class,
        HelpCommand.class,
})
public final class ForewarnCommand extends RootCommand {

    /** The subcommand class called {@code name} (or one of its aliases), if there is one. */
    static Optional<Class<?>> subcommand(String name) {
        for (Class<?> c : ForewarnCommand.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (sub.name().equals(name) || Arrays.asList(sub.aliases()).contains(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
