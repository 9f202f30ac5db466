package dev.forewarn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forewarn export openmetrics}: the history in other tools' formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the history in another tool's format.",
        subcommands = {
                ExportOpenMetricsCommand.class,
        })
public final class ExportCommand implements Runnable {

    /** Accepted here too ({@code forewarn export --store X openmetrics}); the subcommands read it. */
    @picocli.CommandLine.Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing format: openmetrics");
    }
}
