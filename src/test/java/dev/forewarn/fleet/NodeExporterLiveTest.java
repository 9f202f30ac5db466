package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping on live data: this machine's real node_exporter on loopback, scraped every second
 * by a real Prometheus for a few seconds; every mapped family that node_exporter serves here comes
 * back under forewarn's name, and nothing else does.
 */
class NodeExporterLiveTest {

    @TempDir
    Path dir;

    @Test
    void everyMappedFamilyOfThisHostAppearsUnderItsForewarnName() throws Exception {
        String nodeExporter = Binaries.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
        int port = RealPrometheus.freePort();
        Process exporter = new ProcessBuilder(nodeExporter, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("node_exporter.log").toFile()).start();
        try (RealPrometheus prom = RealPrometheus.start(dir, null, "  - job_name: node\n    static_configs:\n      - targets: ['127.0.0.1:"
                + port + "']\n")) {
            String instance = "127.0.0.1:" + port;
            PrometheusClient client = new PrometheusClient(PrometheusConfig.of(prom.url()));
            FleetReader reader = new FleetReader(client, Pattern.compile(Pattern.quote(instance)), null, 1);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            FleetReader.InstanceData data = null;
            while (System.nanoTime() < end) {
                long now = System.currentTimeMillis();
                if (reader.instances(now - 120_000, now).contains(instance)) {
                    data = reader.read(instance, now - 120_000, now);
                    if (data.source().find(dev.forewarn.series.Selector.of("cpu.load1")).size() == 1
                            && data.source().read(SeriesKey.of("cpu.load1", "job", "node"), 0, Long.MAX_VALUE).size() >= 3) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
            assertTrue(data != null, "Prometheus never scraped node_exporter");
            Set<String> mapped = new TreeSet<>();
            data.source().find(dev.forewarn.series.Selector.of("*")).forEach(k -> mapped.add(k.name()));
            assertEquals(expected(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + instance + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body()), mapped);
            assertTrue(mapped.containsAll(List.of("cpu.load1", "cpu.load15", "cpu.cores", "mem.available_bytes", "mem.total_bytes")), mapped.toString());
        } finally {
            exporter.destroy();
            exporter.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The forewarn names the mapping should give for what node_exporter serves on this machine right now. */
    private static Set<String> expected(String scrape) {
        Set<String> out = new TreeSet<>();
        Pattern fstype = Pattern.compile("fstype=\"([^\"]*)\"");
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            if (name.startsWith("node_filesystem_")) {
                Matcher m = fstype.matcher(line);
                if (m.find() && m.group(1).matches(NodeExporterMapping.PSEUDO_FSTYPES)) {
                    continue;
                }
            }
            if (name.equals("node_cpu_seconds_total") && line.contains("mode=\"idle\"")) {
                out.add(NodeExporterMapping.CORES);
            }
            for (NodeExporterMapping.Entry e : NodeExporterMapping.ENTRIES) {
                if (e.promName().equals(name) && e.where().isEmpty()) {
                    out.add(e.name());
                }
            }
        }
        if (out.remove("swap.free_bytes") && out.contains("swap.total_bytes")) {
            out.add("swap.used_bytes");
        }
        return out;
    }
}
