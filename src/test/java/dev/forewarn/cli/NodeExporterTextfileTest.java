package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forewarn export openmetrics --latest -o DIR/forewarn.prom} read by a real
 * node_exporter's textfile collector (Debian's prometheus-node-exporter, which .ci/run
 * installs), started on a loopback port and scraped once.
 */
class NodeExporterTextfileTest {

    private static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

    @TempDir
    Path dir;

    @Test
    void nodeExporterServesTheLatestValuesWithoutAScrapeError() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), "node_exporter is not installed (apt-get install prometheus-node-exporter; .ci/run does)");
        Path store = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(store)) {
            s.appendAll(List.of(
                    new Series(SeriesKey.of("fs.avail_bytes", "mount", "/srv/we\"ird"), new long[] {1000, 2000}, new double[] {5e9, 4e9}),
                    new Series(SeriesKey.of("disk.read_bytes_total", "disk", "sda"), new long[] {1000, 2000}, new double[] {7, 12345678901.0}),
                    new Series(SeriesKey.of("cpu.busy_ratio"), new long[] {1000}, new double[] {0.125})));
        }
        Path textfiles = Files.createDirectories(dir.resolve("textfile"));
        CliRun export = CliRun.of("export", "openmetrics", "--latest", "--store", store.toString(),
                "-o", textfiles.resolve("forewarn.prom").toString());
        assertEquals(0, export.exitCode(), export.err());

        Map<String, Double> scraped = scrape(textfiles);
        assertEquals(0.0, scraped.get("node_textfile_scrape_error"), "node_exporter could not parse the file");
        assertEquals(4e9, scraped.get("forewarn_fs_avail_bytes{mount=\"/srv/we\\\"ird\"}"));
        assertEquals(12345678901.0, scraped.get("forewarn_disk_read_bytes_total{disk=\"sda\"}"));
        assertEquals(0.125, scraped.get("forewarn_cpu_busy_ratio"));
    }

    /** Starts node_exporter with only the textfile collector on a free loopback port; one scrape, as sample to value. */
    private static Map<String, Double> scrape(Path textfiles) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process exporter = new ProcessBuilder(NODE_EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--collector.disable-defaults", "--collector.textfile", "--collector.textfile.directory=" + textfiles)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build();
            String body = null;
            for (int attempt = 0; attempt < 50 && body == null; attempt++) { // up to 10 s for it to listen
                try {
                    body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    assertTrue(exporter.isAlive(), "node_exporter exited with " + (exporter.isAlive() ? "" : exporter.exitValue()));
                    Thread.sleep(200);
                }
            }
            assertTrue(body != null, "node_exporter did not answer on port " + port);
            Map<String, Double> out = new HashMap<>();
            for (String line : body.split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    int sp = line.lastIndexOf(' ');
                    out.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
                }
            }
            return out;
        } finally {
            exporter.destroy();
            exporter.waitFor();
        }
    }
}
