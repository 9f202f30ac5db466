package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    static final long DAY = 86_400_000L;
    static final long AT = Times.parseTime("2026-03-01T00:00:00Z", 0, ZoneOffset.UTC);
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "device", "/dev/sda3", "fstype", "ext4", "mount", "/var");
    static final SeriesKey HOME = SeriesKey.of("fs.avail_bytes", "device", "/dev/sdb1", "fstype", "ext4", "mount", "/home");

    @TempDir
    Path dir;
    Path db;

    /** 30 days of hourly samples: /var falls 4 GB/day from 150 GB (crosses in about 7 days), /home also fills, slower. */
    @BeforeEach
    void store() {
        db = dir.resolve("t.db");
        int n = 30 * 24;
        long[] t = new long[n];
        double[] var = new double[n];
        double[] home = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * 3_600_000L;
            double days = (t[i] - AT) / (double) DAY;
            var[i] = 30e9 - 4e9 * days + 0.2e9 * Math.sin(i * 0.7);
            home[i] = 200e9 - 1e9 * days + 0.1e9 * Math.cos(i * 0.3);
            size[i] = 500e9;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(VAR, t, var), new Series(VAR.withName("fs.size_bytes"), t, size),
                    new Series(HOME, t, home), new Series(HOME.withName("fs.size_bytes"), t, size)));
        }
    }

    private int run(StringWriter out, String... args) {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void htmlReportAgreesWithTheJsonReportAndVerifiesUntilAPointChanges() throws Exception {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        String at = "2026-03-01T00:00:00Z";
        assertEquals(0, run(new StringWriter(), "report", "--store", db.toString(), "--at", at, "--host", "db-7", "-o", json.toString()));
        assertEquals(0, run(new StringWriter(), "report", "--store", db.toString(), "--at", at, "--host", "db-7", "-o", html.toString()));
        JsonNode r = ProjectionJson.MAPPER.readTree(json.toFile());
        JsonNode var = null;
        for (JsonNode f : r.get("findings")) {
            if (f.get("series").asText().equals(VAR.toString())) {
                var = f;
            }
        }
        assertTrue(var != null && !var.get("eta").isNull(), r::toPrettyString);
        assertEquals(0.95, var.get("confidence").asDouble());

        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        String text = doc.text();
        long eta = Times.parseTime(var.get("eta").asText(), 0, ZoneOffset.UTC);
        long low = Times.parseTime(var.get("eta_low").asText(), 0, ZoneOffset.UTC);
        String verdict = doc.select("#verdict").text();
        assertTrue(verdict.contains("/var (free space) fills up on " + dev.forewarn.report.ReportText.day(eta, java.time.ZoneId.systemDefault())), verdict);
        assertTrue(verdict.contains(var.at("/recommendation/action").asText()), verdict);
        assertTrue(text.contains(r.at("/appendix/sha256").asText()));
        assertTrue(text.contains(var.at("/data/sha256").asText()));
        assertTrue(low <= eta);

        StringWriter ok = new StringWriter();
        assertEquals(0, run(ok, "report", "--store", db.toString(), "--verify", html.toString()), ok::toString);
        assertTrue(ok.toString().contains("matches the store"), ok.toString());

        try (SampleStore s = SampleStore.open(db)) {
            s.append(AT - 5 * 3_600_000L, Map.of(VAR, 1e9));
        }
        StringWriter bad = new StringWriter();
        assertEquals(1, run(bad, "report", "--store", db.toString(), "--verify", html.toString()), bad::toString);
        assertTrue(bad.toString().contains("does NOT match"), bad.toString());
        assertTrue(bad.toString().contains(VAR + ": data/sha256 was"), bad.toString());
        assertTrue(!bad.toString().contains(HOME + ":"), "an unchanged series is not named: " + bad);
        StringWriter json2 = new StringWriter();
        assertEquals(1, run(json2, "report", "--store", db.toString(), "--verify", json.toString()));
    }

    @Test
    void selectorLimitsTheReportToThoseSeries() throws Exception {
        Path json = dir.resolve("home.json");
        assertEquals(0, run(new StringWriter(), "report", "--store", db.toString(), "--at", "2026-03-01T00:00:00Z",
                "-o", json.toString(), "fs.avail_bytes{mount=\"/home\"}"));
        JsonNode r = ProjectionJson.MAPPER.readTree(json.toFile());
        assertEquals(1, r.get("findings").size());
        assertEquals(HOME.toString(), r.at("/findings/0/series").asText());
        assertEquals("fs.avail_bytes{mount=\"/home\"}", r.at("/selectors/0").asText());
    }

    @Test
    void markdownWithoutAnOutputFileIsAUsageError() {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cl.execute("report", "--store", db.toString(), "--format", "md"));
        assertTrue(err.toString().startsWith("error: --format md needs -o FILE"), err.toString());
        assertTrue(Files.exists(db));
    }

    @Test
    void aReportBeforeTheFirstPointFailsSayingThereIsNoHistoryBeforeThenAndWritesNothing() {
        Path html = dir.resolve("r.html");
        for (String when : List.of("1970-01-01", "2026-01-15")) {
            CliRun r = CliRun.of("report", "--store", db.toString(), "--at", when, "-o", html.toString());
            assertEquals(ExitCodes.FAILURE, r.exitCode(), when + ": " + r.err());
            assertTrue(r.err().startsWith("error: no history before " + Times.iso(AT - (30 * 24 - 1) * 3_600_000L)
                    + ": nothing to report at "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(!Files.exists(html), "no report that reads as 'all is well'");
        }
    }
}
