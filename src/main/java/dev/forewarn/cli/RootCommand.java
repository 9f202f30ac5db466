package dev.forewarn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code forewarn} command itself: its name, {@code --help}, {@code --version} and
 * {@code -v}, without subcommands. {@link ForewarnCommand} adds them all; {@link Main} hangs
 * only the one a command line names under this root, because building the whole tree by
 * reflection costs a one-shot {@code forewarn sample} about a fifth of its CPU.
 */
@Command(name = "forewarn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Samples this server's health, keeps the history, projects the trends, and warns before a resource runs out.")
public class RootCommand implements Runnable {

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
