package dev.forewarn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/** The top-level {@code forewarn} command: lists the subcommands. */
@Command(name = "forewarn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Samples this server's health, keeps the history, projects the trends, and warns before a resource runs out.",
        subcommands = {
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
public final class ForewarnCommand implements Runnable {

    @Mixin
    Verbosity verbosity;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
