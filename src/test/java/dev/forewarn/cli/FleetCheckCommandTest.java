package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.fleet.FleetHistory;
import dev.forewarn.fleet.RealPrometheus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code check --prometheus} as a user runs it, against a real Prometheus holding three instances, one filling. */
class FleetCheckCommandTest {

    static Path dir;
    static FleetHistory history;
    static RealPrometheus prometheus;
    static String at;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("fleet-check");
        history = new FleetHistory(System.currentTimeMillis() - 600_000, 300_000, 10, List.of(
                new FleetHistory.Host("filling:9100", FleetHistory.Kind.FILLING),
                new FleetHistory.Host("calm-1:9100", FleetHistory.Kind.CALM),
                new FleetHistory.Host("calm-2:9100", FleetHistory.Kind.CALM)));
        Path om = dir.resolve("fleet.om");
        history.writeOpenMetrics(om);
        prometheus = RealPrometheus.start(dir, om, "");
        at = Long.toString(history.endMillis() / 1000);
    }

    /** The filling instance's points, as forewarn names them, in a SQLite store of their own. */
    private static Path fillingStore(String file) {
        Path db = dir.resolve(file);
        try (dev.forewarn.store.SampleStore s = dev.forewarn.store.SampleStore.open(db)) {
            s.appendAll(history.forewarnSeries(history.hosts().get(0)));
        }
        return db;
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void textCountsInstancesByStateThenOneLinePerInstanceWithAFindingAndExitsWithTheWorst() {
        CliRun r = CliRun.of("check", "--prometheus", prometheus.url(), "--at", at, "--since", "10d");
        assertEquals(ExitCodes.WARNING, r.exitCode(), r.err() + r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("FOREWARN FLEET WARNING - 3 instances: 1 WARNING, 2 OK |"), lines.get(0));
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("WARNING  filling:9100: /data fills "), lines.get(1));
        assertTrue(lines.get(1).endsWith("[fs-space]"), lines.get(1));
        assertEquals("", r.err());
    }

    @Test
    void jsonGivesStatusAndEveryInstanceWithItsFindings() throws Exception {
        CliRun r = CliRun.of("check", "--prometheus", prometheus.url(), "--at", at, "--since", "10d", "--format", "json");
        assertEquals(ExitCodes.WARNING, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("WARNING", j.get("status").asText());
        assertEquals(3, j.get("instances").size());
        JsonNode first = j.get("instances").get(0);
        assertEquals("filling:9100", first.get("instance").asText());
        assertEquals("WARNING", first.get("status").asText());
        JsonNode f = first.get("findings").get(0);
        assertEquals("fs-space", f.get("rule").asText());
        assertTrue(f.get("series").asText().contains("mount=\"/data\""), f.toString());
        assertTrue(f.hasNonNull("eta"));
        assertEquals("OK", j.get("instances").get(1).get("status").asText());
    }

    @Test
    void instancePatternLimitsTheFleet() {
        CliRun r = CliRun.of("check", "--prometheus", prometheus.url(), "--at", at, "--since", "10d", "--instance", "calm-.*");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("FOREWARN FLEET OK - 2 instances: 2 OK |"), r.out());
    }

    @Test
    void matchSelectorIsAddedToEveryQuery() {
        CliRun none = CliRun.of("check", "--prometheus", prometheus.url(), "--at", at, "--since", "10d", "--match", "{job=\"other\"}");
        assertEquals(ExitCodes.UNKNOWN, none.exitCode(), none.err());
        assertTrue(none.out().startsWith("FOREWARN FLEET UNKNOWN - no instance"), none.out());
        CliRun node = CliRun.of("check", "--prometheus", prometheus.url(), "--at", at, "--since", "10d", "--match", "{job=\"node\"}");
        assertEquals(ExitCodes.WARNING, node.exitCode(), node.err());
    }

    @Test
    void theUrlAlsoComesFromFOREWARN_PROMETHEUS() {
        StringWriter out = new StringWriter();
        String[] args = {"check", "--at", at, "--since", "10d", "--quiet"};
        CommandLine cl = Main.commandLine(args);
        cl.setDefaultValueProvider(new EnvironmentDefaults(Map.of("FOREWARN_PROMETHEUS", prometheus.url())));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(ExitCodes.WARNING, cl.execute(args));
        assertTrue(out.toString().startsWith("FOREWARN FLEET WARNING"), out.toString());
    }

    @Test
    void aPrometheusThatIsDownIsOneErrorLineAndUnknown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("check", "--prometheus", "http://127.0.0.1:" + port);
        assertEquals(ExitCodes.UNKNOWN, r.exitCode());
        assertEquals("", r.out());
        assertEquals(List.of("error: Prometheus at http://127.0.0.1:" + port + " refused the connection: is it running, and is the URL right?"),
                r.err().lines().toList());
    }

    @Test
    void reportGivesTheFleetSummaryBeforeThePerHostFindings() throws Exception {
        String since = Long.toString(history.endMillis() / 1000 - 10 * 86400);
        Path jsonFile = dir.resolve("fleet-report.json");
        CliRun json = CliRun.of("report", "--prometheus", prometheus.url(), "--at", at, "--since", since, "-o", jsonFile.toString());
        assertEquals(0, json.exitCode(), json.err());
        JsonNode j = new ObjectMapper().readTree(jsonFile.toFile());
        assertEquals("fleet", j.fieldNames().next());
        JsonNode row = j.path("fleet").path("summary").get(0);
        assertEquals(1, j.path("fleet").path("summary").size(), j.toString());
        assertEquals("filling:9100", row.path("instance").asText());
        assertEquals("/data (free space)", row.path("resource").asText());
        assertTrue(row.hasNonNull("order_by") && row.hasNonNull("eta"), row.toString());
        assertEquals(row.path("capacity_to_add").asDouble(), j.path("fleet").path("capacity_to_add").path("bytes").asDouble());
        assertEquals(1, j.path("report").path("findings").size(), "the per-host findings follow: " + j.path("report"));
        Path htmlFile = dir.resolve("fleet-report.html");
        CliRun html = CliRun.of("report", "--prometheus", prometheus.url(), "--at", at, "--since", since, "-o", htmlFile.toString());
        assertEquals(0, html.exitCode(), html.err());
        String page = Files.readString(htmlFile);
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(page);
        assertEquals("filling:9100", d.select("#fleet-table td.instance").text());
        assertTrue(page.indexOf("id=\"fleet-summary\"") < page.indexOf("id=\"verdict\""));
        assertTrue(d.select("#fleet-total").text().startsWith("Total capacity to add for 90 days of headroom:"), d.select("#fleet-total").text());
    }

    @Test
    void theFleetSummarysDateStatesItsIntervalsConfidence() throws Exception {
        String since = Long.toString(history.endMillis() / 1000 - 10 * 86400);
        Path htmlFile = dir.resolve("fleet-confidence.html");
        CliRun html = CliRun.of("report", "--prometheus", prometheus.url(), "--at", at, "--since", since, "-o", htmlFile.toString());
        assertEquals(0, html.exitCode(), html.err());
        String when = org.jsoup.Jsoup.parse(Files.readString(htmlFile)).select("#fleet-table tr.fleet-row td").get(3).text();
        assertTrue(when.matches(".+ \\(95 %: .+\\)"), when);
    }

    @Test
    void markdownReportCarriesTheFleetSummaryBeforeTheVerdict() throws Exception {
        String since = Long.toString(history.endMillis() / 1000 - 10 * 86400);
        Path mdFile = dir.resolve("fleet-report.md");
        CliRun md = CliRun.of("report", "--prometheus", prometheus.url(), "--at", at, "--since", since, "-o", mdFile.toString());
        assertEquals(0, md.exitCode(), md.err());
        String text = Files.readString(mdFile);
        int summary = text.indexOf("## Fleet summary");
        int verdict = text.indexOf("## Verdict");
        assertTrue(summary >= 0 && summary < verdict, text);
        String section = text.substring(summary, verdict);
        List<String> rows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Host")).toList();
        assertEquals(1, rows.size(), section);
        assertTrue(rows.get(0).startsWith("| filling:9100 | WARNING | /data (free space) |"), rows.get(0));
        assertTrue(section.contains("Total capacity to add for 90 days of headroom:"), section);
    }

    @Test
    void pdfReportCarriesTheFleetSummaryBeforeTheVerdict() throws Exception {
        String since = Long.toString(history.endMillis() / 1000 - 10 * 86400);
        Path pdfFile = dir.resolve("fleet-report.pdf");
        CliRun pdf = CliRun.of("report", "--prometheus", prometheus.url(), "--at", at, "--since", since, "-o", pdfFile.toString());
        assertEquals(0, pdf.exitCode(), pdf.err());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdfFile.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper strip = new org.apache.pdfbox.text.PDFTextStripper();
            strip.setEndPage(1);
            text = strip.getText(d);
        }
        int summary = text.indexOf("Fleet summary");
        int verdict = text.indexOf("Verdict");
        assertTrue(summary >= 0 && summary < verdict, text);
        String section = text.substring(summary, verdict);
        assertTrue(section.contains("filling:9100 [WARNING]"), section);
        assertTrue(!section.contains("calm-1:9100") && !section.contains("calm-2:9100"), section);
        assertTrue(section.contains("Total capacity to add for 90 days of headroom:"), section);
    }

    @Test
    void backtestReplaysTheSelectorOnEveryInstanceAsTheStoreWouldFromTheSamePoints() throws Exception {
        String sel = "fs.avail_bytes{mount=\"/data\"}";
        CliRun r = CliRun.of("backtest", sel, "--prometheus", prometheus.url(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertEquals(3, a.size(), r.out());
        JsonNode filling = null;
        for (JsonNode x : a) {
            if (x.get("series").asText().contains("instance=\"filling:9100\"")) {
                filling = x;
            }
        }
        assertTrue(filling != null && filling.get("origins").asInt() > 0, r.out());
        Path db = fillingStore("filling-backtest.db");
        CliRun local = CliRun.of("backtest", sel, "--store", db.toString(), "--format", "json");
        assertEquals(0, local.exitCode(), local.err());
        JsonNode l = new ObjectMapper().readTree(local.out()).get(0);
        for (String field : List.of("origins", "forewarn", "node_mixin")) {
            assertEquals(l.get(field), filling.get(field), field);
        }
    }

    @Test
    void forecastProjectsTheSelectorOnEveryInstanceAsTheStoreWouldFromTheSamePoints() throws Exception {
        String sel = "fs.avail_bytes{mount=\"/data\"}";
        CliRun r = CliRun.of("forecast", sel, "--prometheus", prometheus.url(), "--at", at, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertEquals(3, a.size(), r.out());
        JsonNode filling = null;
        for (JsonNode p : a) {
            if (p.get("series").asText().contains("instance=\"filling:9100\"")) {
                filling = p;
            } else {
                assertTrue(p.get("eta").isNull(), p.toString());
            }
        }
        assertTrue(filling != null && !filling.get("eta").isNull(), r.out());
        Path db = fillingStore("filling.db");
        CliRun local = CliRun.of("forecast", sel, "--store", db.toString(), "--at", at, "--format", "json");
        assertEquals(0, local.exitCode(), local.err());
        JsonNode l = new ObjectMapper().readTree(local.out());
        for (String field : List.of("eta", "eta_low", "eta_high", "data_sha256", "method", "value")) {
            assertEquals(l.get(field), filling.get(field), field);
        }
    }

    @Test
    void showListsTheFleetsSeriesUnderForewarnNamesWithTheirInstance() throws Exception {
        long end = history.endMillis() / 1000;
        CliRun r = CliRun.of("show", "fs.avail_bytes{mount=\"/data\"}", "--prometheus", prometheus.url(),
                "--since", Long.toString(end - 3600), "--until", Long.toString(end), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("time,series,value", lines.get(0));
        assertEquals(1 + 3 * 13, lines.size(), r.out()); // three instances, an hour of 5-minute points, both ends included
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("mount=\"\"/data\"\"") && l.contains("instance=")), r.out());
        assertEquals(history.forewarnSeries(history.hosts().get(0)).stream()
                .filter(s -> s.key().equals(FleetHistory.dataAvailKey())).findFirst().orElseThrow().lastValue(),
                Double.parseDouble(lines.stream().filter(l -> l.contains("filling:9100")).reduce((a, b) -> b).orElseThrow()
                        .replaceAll(".*,", "")));
    }

    @Test
    void aTokenOnTheCommandLineIsNotAnOption() {
        CliRun r = CliRun.of("check", "--prometheus", prometheus.url(), "--bearer-token", "s3cret");
        assertEquals(ExitCodes.UNKNOWN, r.exitCode());
        assertTrue(r.err().startsWith("error: Unknown options: '--bearer-token'"), r.err());
    }
}
