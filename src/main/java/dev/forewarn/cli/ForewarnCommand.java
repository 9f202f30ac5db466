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
                HelpCommand.class,
                SampleCommand.class,
                CollectCommand.class,
                ForecastCommand.class,
                BacktestCommand.class,
                ShowCommand.class,
                StoreCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                dev.forewarn.cli.shell.ShellCommand.class,
                CheckCommand.class,
                RulesCommand.class,
                ReportCommand.class,
                DemoCommand.class,
                dev.forewarn.cli.shell.TopCommand.class,
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
