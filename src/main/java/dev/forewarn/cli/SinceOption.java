package dev.forewarn.cli;

import picocli.CommandLine.Option;

/** The {@code --since DURATION} mixin of the fleet commands: how much history to read before the evaluation time. */
public final class SinceOption {

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "30d", description = "With --prometheus: how much history to read (default: ${DEFAULT-VALUE}).")
    String since;

    /** The window, milliseconds. */
    public long millis() {
        return PrometheusOptions.duration("--since", since);
    }
}
