package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.fleet.Binaries;
import dev.forewarn.fleet.FleetHistory;
import dev.forewarn.fleet.RealPrometheus;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export openmetrics --forecasts -o FILE}: this host's forecasts, read by node_exporter's textfile collector. */
class ForecastExportTest {

    @TempDir
    Path dir;

    @Test
    void forecastsGoThroughNodeExportersTextfileCollector() throws Exception {
        String nodeExporter = Binaries.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
        FleetHistory h = new FleetHistory(System.currentTimeMillis() - 600_000, 300_000, 10,
                List.of(new FleetHistory.Host("this", FleetHistory.Kind.FILLING)));
        Path store = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(store)) {
            s.appendAll(h.forewarnSeries(h.hosts().get(0)));
        }
        Path textfiles = Files.createDirectories(dir.resolve("textfile"));
        Path prom = textfiles.resolve("forewarn.prom");
        Files.writeString(prom, "stale\n");
        CliRun r = CliRun.of("export", "openmetrics", "--forecasts", "--store", store.toString(), "-o", prom.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(prom).contains("# TYPE forewarn_eta_timestamp_seconds gauge"));
        try (var files = Files.list(textfiles)) {
            assertEquals(List.of(prom), files.toList(), "no temporary file left beside it");
        }
        int port = RealPrometheus.freePort();
        Process exporter = new ProcessBuilder(nodeExporter, "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults",
                "--collector.textfile", "--collector.textfile.directory=" + textfiles)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String body = scrape(port);
            assertTrue(body.contains("node_textfile_scrape_error 0"), body);
            assertTrue(body.lines().anyMatch(l -> l.startsWith("forewarn_eta_low_timestamp_seconds{") && l.contains("mount=\"/data\"")
                    && l.contains("rule=\"fs-space\"")), body);
            assertTrue(body.lines().anyMatch(l -> l.startsWith("forewarn_finding_severity{") && l.contains("mount=\"/data\"")
                    && l.endsWith(" 1")), body);
        } finally {
            exporter.destroy();
            exporter.waitFor();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("node_exporter did not answer on port " + port);
    }
}
