package dev.forewarn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code forewarn store info|check|vacuum}: the history file itself. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Looks after the history file: info, check, vacuum.",
        subcommands = {
                StoreInfoCommand.class,
                StoreCheckCommand.class,
                StoreVacuumCommand.class,
        })
public final class StoreCommand implements Runnable {

    /** Accepted here too ({@code forewarn export --store X openmetrics}); the subcommands read it. */
    @picocli.CommandLine.Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: info, check or vacuum");
    }
}
