package dev.forewarn.cli;

import dev.forewarn.fleet.FleetReader;
import dev.forewarn.fleet.PrometheusClient;
import dev.forewarn.fleet.PrometheusConfig;
import dev.forewarn.fleet.PrometheusException;
import dev.forewarn.series.Selector;
import dev.forewarn.series.Times;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * The {@code --prometheus URL} mixin and its companions: read the fleet's history from a
 * Prometheus HTTP API instead of the SQLite store. Every option also reads its
 * {@code FOREWARN_*} variable ({@code FOREWARN_PROMETHEUS}, {@code FOREWARN_BEARER_TOKEN_FILE}, ...).
 * Credentials are named by file only.
 */
public final class PrometheusOptions {

    @Option(names = "--prometheus", paramLabel = "URL", description = "Read the fleet's history from this Prometheus (or Thanos, Mimir, VictoriaMetrics) instead of the store (env FOREWARN_PROMETHEUS).")
    String url;

    @Option(names = "--instance", paramLabel = "RE", description = "With --prometheus: only the instances whose whole 'instance' label matches this regular expression.")
    String instance;

    @Option(names = "--match", paramLabel = "SELECTOR", description = "With --prometheus: label matchers every query gets, e.g. '{job=\"node\",env=\"prod\"}'.")
    String match;

    @Option(names = "--query-step", paramLabel = "DURATION", defaultValue = "5m", description = "With --prometheus: resolution of the history read (default: ${DEFAULT-VALUE}); long windows are asked in chunks of at most 11,000 points.")
    String step;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "With --prometheus: instances read and judged at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "With --prometheus: send the token in FILE as 'Authorization: Bearer'.")
    Path bearerTokenFile;

    @Option(names = "--basic-auth-file", paramLabel = "FILE", description = "With --prometheus: basic auth with 'user:password' from the first line of FILE.")
    Path basicAuthFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "With --prometheus: trust the PEM certificates in FILE for https.")
    Path caFile;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", description = "With --prometheus: how long a connection may take (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--query-timeout", paramLabel = "DURATION", defaultValue = "30s", description = "With --prometheus: how long one query may take, answer included (default: ${DEFAULT-VALUE}).")
    String queryTimeout;

    /** True when the history comes from Prometheus. */
    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** Instances judged at once. */
    public int parallel() {
        if (parallel < 1) {
            throw new UserException("--parallel must be at least 1, got " + parallel, ExitCodes.USAGE, null);
        }
        return parallel;
    }

    /** The client for {@code --prometheus}; a bad option or credentials file is a usage or a plain error. */
    public PrometheusClient client() {
        try {
            return new PrometheusClient(new PrometheusConfig(URI.create(url.strip()), bearerTokenFile, basicAuthFile, caFile,
                    Duration.ofMillis(duration("--connect-timeout", connectTimeout)),
                    Duration.ofMillis(duration("--query-timeout", queryTimeout)), PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
        } catch (IllegalArgumentException e) {
            throw new UserException("--prometheus: " + e.getMessage(), ExitCodes.USAGE, e);
        } catch (PrometheusException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** The reader over the fleet, with --instance, --match and --step applied. */
    public FleetReader reader() {
        Pattern re = null;
        if (instance != null) {
            try {
                re = Pattern.compile(instance);
            } catch (PatternSyntaxException e) {
                throw new UserException("--instance: " + e.getDescription() + " in '" + instance + "'", ExitCodes.USAGE, e);
            }
        }
        Selector sel = null;
        if (match != null) {
            try {
                sel = Selector.parse(match);
            } catch (IllegalArgumentException e) {
                throw new UserException("--match: " + e.getMessage(), ExitCodes.USAGE, e);
            }
        }
        long stepMillis = duration("--query-step", step);
        if (stepMillis < 1000) {
            throw new UserException("--query-step must be at least 1s, got " + step, ExitCodes.USAGE, null);
        }
        try {
            return new FleetReader(client(), re, sel, stepMillis / 1000);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    static long duration(String option, String text) {
        try {
            return Times.parseDurationMillis(text);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** A Prometheus failure as the one error line of a command, with the given exit code. */
    static UserException failure(PrometheusException e, int exitCode) {
        return new UserException(e.getMessage(), exitCode, e);
    }
}
