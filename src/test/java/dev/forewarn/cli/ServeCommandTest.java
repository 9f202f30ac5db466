package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.fleet.Binaries;
import dev.forewarn.fleet.FleetHistory;
import dev.forewarn.fleet.ForecastServer;
import dev.forewarn.fleet.RealPrometheus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code forewarn serve --prometheus}: a real Prometheus holds the fleet's history and scrapes
 * serve's {@code /metrics}; headless Chromium renders {@code /} and the filling instance is read
 * from the page.
 */
class ServeCommandTest {

    static Path dir;
    static RealPrometheus prometheus;
    static ForecastServer server;
    static int port;
    static String stderr;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("fleet-serve");
        FleetHistory history = new FleetHistory(System.currentTimeMillis() - 600_000, 300_000, 10, List.of(
                new FleetHistory.Host("filling:9100", FleetHistory.Kind.FILLING),
                new FleetHistory.Host("calm-1:9100", FleetHistory.Kind.CALM)));
        Path om = dir.resolve("fleet.om");
        history.writeOpenMetrics(om);
        port = RealPrometheus.freePort();
        prometheus = RealPrometheus.start(dir, om, "  - job_name: forewarn\n    honor_labels: true\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + port + "']\n");
        String[] args = {"serve", "--prometheus", prometheus.url(), "--listen", "127.0.0.1:" + port, "--since", "10d", "--interval", "1h"};
        CommandLine cl = Main.commandLine(args);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.parseArgs(args);
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        server = serve.start();
        stderr = err.toString();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!server.ready() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void saysWhereItListensAndThatItIsLoopbackOnly() {
        assertTrue(stderr.startsWith("forewarn serve: http://127.0.0.1:" + port + "/metrics"), stderr);
        assertTrue(stderr.contains("loopback only"), stderr);
    }

    @Test
    void metricsCarryTheForecastsWithTheSeriesLabelsInstanceAndRule() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        String body = r.body();
        String filling = body.lines().filter(l -> l.startsWith("forewarn_eta_low_timestamp_seconds{")
                && l.contains("instance=\"filling:9100\"") && l.contains("mount=\"/data\"") && l.contains("rule=\"fs-space\""))
                .findFirst().orElseThrow(() -> new AssertionError(body));
        double low = Double.parseDouble(filling.substring(filling.lastIndexOf(' ') + 1));
        double days = (low - System.currentTimeMillis() / 1000.0) / 86400;
        assertTrue(days > 3 && days < 14, filling);
        assertTrue(body.contains("forewarn_finding_severity{device=\"/dev/sdb1\",fstype=\"xfs\",instance=\"filling:9100\",job=\"node\",mount=\"/data\",rule=\"fs-space\"} 1.0"), body);
        assertTrue(body.contains("forewarn_finding_severity{device=\"/dev/sdb1\",fstype=\"xfs\",instance=\"calm-1:9100\",job=\"node\",mount=\"/data\",rule=\"fs-space\"} 0.0"), body);
        assertTrue(body.lines().anyMatch(l -> l.startsWith("forewarn_last_evaluation_timestamp_seconds ")), body);
        assertTrue(body.lines().anyMatch(l -> l.startsWith("forewarn_evaluation_duration_seconds ")), body);
        assertTrue(body.contains("forewarn_last_evaluation_success 1.0"), body);
    }

    @Test
    void aRealPrometheusScrapesTheForecasts() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode result = null;
        while (System.nanoTime() < end) {
            JsonNode j = new ObjectMapper().readTree(prometheus.query("forewarn_finding_severity{rule=\"fs-space\",mount=\"/data\"} == 1"));
            result = j.path("data").path("result");
            if (result.size() > 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(1, result.size(), String.valueOf(result));
        assertEquals("filling:9100", result.get(0).path("metric").path("instance").asText());
        assertEquals("node", result.get(0).path("metric").path("job").asText());
    }

    @Test
    void reportJsonHasTheFleetSummaryFirst() throws Exception {
        HttpResponse<String> r = get("/report.json");
        assertEquals(200, r.statusCode());
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertEquals("fleet", j.fieldNames().next());
        assertEquals("WARNING", j.path("fleet").path("status").asText());
        assertEquals("filling:9100", j.path("fleet").path("summary").get(0).path("instance").asText());
        assertTrue(j.path("fleet").path("capacity_to_add").path("bytes").asDouble() > 0, r.body());
    }

    @Test
    void headlessChromiumShowsTheFillingInstanceFirstInTheFleetSummary() throws Exception {
        String chromium = Binaries.require("chromium", "chromium", "chromium-browser");
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--dump-dom", "http://127.0.0.1:" + port + "/")
                .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        Document dom = Jsoup.parse(Files.readString(out));
        assertEquals("filling:9100", dom.select("#fleet-table tr.fleet-row td.instance").first().text(),
                Files.readString(dir.resolve("chromium.err")));
        assertEquals(1, dom.select("#fleet-table tr.fleet-row").size());
        assertTrue(dom.select("#fleet-summary").text().contains("2 instances: 1 WARNING, 1 OK"), dom.select("#fleet-summary").text());
        // then the single-host report's sections, each series naming its instance
        assertTrue(dom.select("section.finding").first().text().contains("instance=\"filling:9100\""), dom.select("section.finding").text());
        // and its heading names the instance, as an undated finding's does: in a fleet "/data fills up" says not where
        assertTrue(dom.select("section.finding h2").first().text().contains("filling:9100: /data (free space) fills up on "),
                dom.select("section.finding h2").text());
    }
}
