package dev.forewarn.fleet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package) for a test: on 127.0.0.1 and a free port, with its own
 * data directory under the test's temporary directory, optionally backfilled first from an
 * OpenMetrics file with {@code promtool tsdb create-blocks-from openmetrics}, and stopped on close.
 */
public final class RealPrometheus implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RealPrometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Backfills (when {@code openMetrics} is not null) and starts.
     *
     * @param dir           a directory of the test's own
     * @param openMetrics   history to backfill, or null
     * @param scrapeConfigs YAML list items under {@code scrape_configs:} (indented two spaces), or empty
     * @param extraFiles    rule files for {@code rule_files}, or none
     */
    public static RealPrometheus start(Path dir, Path openMetrics, String scrapeConfigs, Path... extraFiles) throws Exception {
        String prometheus = Binaries.require("prometheus", "prometheus");
        Path data = Files.createDirectories(dir.resolve("prom-data"));
        if (openMetrics != null) {
            String promtool = Binaries.require("prometheus", "promtool");
            run(dir, 300, promtool, "tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=720h",
                    openMetrics.toString(), data.toString());
        }
        StringBuilder cfg = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
        if (extraFiles.length > 0) {
            cfg.append("rule_files:\n");
            for (Path p : extraFiles) {
                cfg.append("  - ").append(p.toAbsolutePath()).append('\n');
            }
        }
        cfg.append(scrapeConfigs.isEmpty() ? "scrape_configs: []\n" : "scrape_configs:\n" + scrapeConfigs);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, cfg);
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=3650d", "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle", "--query.max-samples=200000000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealPrometheus rp = new RealPrometheus(p, port, log);
        rp.awaitReady(Duration.ofSeconds(60));
        return rp;
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("prometheus not ready in " + limit + ": " + Files.readString(log));
    }

    /** One instant query's raw JSON answer (for assertions on what Prometheus itself sees). */
    public String query(String promql) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + java.net.URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    /** True while the server runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs a program to its end within {@code seconds}; its output, or a failure with it. */
    public static String run(Path dir, int seconds, String... cmd) throws Exception {
        Path out = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", new ArrayList<>(List.of(cmd))) + " failed: " + text);
        }
        return text;
    }
}
