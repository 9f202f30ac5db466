package dev.forewarn.fleet;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one Prometheus (or a server of the same HTTP API: Thanos, Mimir, VictoriaMetrics).
 * Secrets are named by file only, never given as text, so they never show in {@code ps} or a shell history.
 *
 * @param baseUri          the server, e.g. {@code http://prometheus:9090} (a path prefix such as {@code /prometheus} is kept)
 * @param bearerTokenFile  a file holding the bearer token, or null
 * @param basicAuthFile    a file holding {@code user:password} on its first line, or null
 * @param caFile           PEM certificates to trust for https instead of the system's, or null
 * @param connectTimeout   how long a connection may take to open
 * @param queryTimeout     how long one query may take, answer body included
 * @param maxResponseBytes the largest answer read; a larger one is an error, not a memory blow-up
 */
public record PrometheusConfig(URI baseUri, Path bearerTokenFile, Path basicAuthFile, Path caFile,
                               Duration connectTimeout, Duration queryTimeout, long maxResponseBytes) {

    /** The default answer limit: 64 MiB, some 2 million points. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    /** A server with default timeouts (5 s to connect, 30 s a query) and no credentials. */
    public static PrometheusConfig of(String url) {
        return new PrometheusConfig(URI.create(url), null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30),
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    public PrometheusConfig {
        if (baseUri.getScheme() == null || !(baseUri.getScheme().equals("http") || baseUri.getScheme().equals("https"))
                || baseUri.getHost() == null) {
            throw new PrometheusException("--prometheus must be an http:// or https:// URL with a host, got '" + baseUri + "'");
        }
        if (bearerTokenFile != null && basicAuthFile != null) {
            throw new PrometheusException("give either a bearer token file or a basic auth file, not both");
        }
    }
}
