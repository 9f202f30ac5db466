package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.cli.Main;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Projection;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** forecast, check, report and top read the same history for /var and give the same date, interval and method. */
class OneAnswerTest {

    private static final String AT = "2026-03-14T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void demoStore() {
        db = dir.resolve("demo.db");
        String[] demo = run("demo", "--store", db.toString(), "--end", AT);
        assertTrue(java.nio.file.Files.isRegularFile(db), demo[1]);
    }

    /** {stdout, stderr} of one command line run in this JVM. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.execute(args);
        return new String[] {out.toString(), err.toString()};
    }

    /** Every projection object in a JSON document whose series is /var's free space. */
    private static List<JsonNode> varAvail(JsonNode n, List<JsonNode> into) {
        return projections(n, s -> s.startsWith("fs.avail_bytes") && s.contains("mount=\"/var\""), into);
    }

    /** Every projection object in a JSON document whose series text passes {@code series}. */
    private static List<JsonNode> projections(JsonNode n, java.util.function.Predicate<String> series, List<JsonNode> into) {
        if (n.isObject()) {
            JsonNode s = n.get("series");
            if (s != null && s.isTextual() && series.test(s.asText()) && n.has("eta")) {
                into.add(n);
            }
            n.elements().forEachRemaining(c -> projections(c, series, into));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> projections(c, series, into));
        }
        return into;
    }

    private static JsonNode onlyMemory(String json) throws Exception {
        List<JsonNode> found = projections(JSON.readTree(json), "mem.available_bytes"::equals, new ArrayList<>());
        assertEquals(1, found.size(), json.length() > 2000 ? json.substring(0, 2000) : json);
        return found.get(0);
    }

    private static JsonNode only(String json) throws Exception {
        List<JsonNode> found = varAvail(JSON.readTree(json), new ArrayList<>());
        assertEquals(1, found.size(), json.length() > 2000 ? json.substring(0, 2000) : json);
        return found.get(0);
    }

    private static String facts(JsonNode p) {
        return p.get("eta").asText() + " | " + p.get("eta_low").asText() + " | " + p.get("eta_high").asText() + " | "
                + p.get("method").asText() + " | " + p.get("data_sha256").asText();
    }

    @Test
    void forecastCheckReportAndTopAgreeOnVar() throws Exception {
        String[] f = run("forecast", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "0", "--store", db.toString(),
                "--at", AT, "--format", "json", "--confidence", "0.8");
        JsonNode forecast = only(f[0]);
        assertTrue(!forecast.get("eta").isNull(), f[0]);
        String[] c = run("check", "--store", db.toString(), "--at", AT, "--format", "json");
        JsonNode check = only(c[0]);
        Path report = dir.resolve("r.json");
        String[] r = run("report", "--store", db.toString(), "--at", AT, "--format", "json", "--confidence", "0.8",
                "-o", report.toString());
        JsonNode rep = only(java.nio.file.Files.readString(report));
        JsonNode top;
        try (SampleStore store = SampleStore.openReadOnly(db)) {
            Map<SeriesKey, Projection> all = TopForecasts.projectAll(store, new ForecastEngine(), Instant.parse(AT).toEpochMilli(),
                    ZoneOffset.UTC);
            Projection p = all.entrySet().stream().filter(e -> e.getKey().name().equals("fs.avail_bytes")
                    && "/var".equals(e.getKey().label("mount"))).map(Map.Entry::getValue).findFirst().orElse(null);
            assertNotNull(p, all.keySet().toString());
            top = JSON.readTree(ProjectionJson.toJson(p).toString());
        }
        assertEquals(facts(forecast), facts(check), "check");
        assertEquals(facts(forecast), facts(rep), "report: " + r[1]);
        assertEquals(facts(forecast), facts(top), "top");
    }

    @Test
    void forecastCheckReportAndTopAgreeOnTheDemosMemoryGivenTheRulesThresholdAndConfidence() throws Exception {
        // the demo's memory had four answers: forecast toward 0 (80 %), check and report toward the rule's
        // 2 % of total (80 % and 95 %), top toward 0; with the same threshold and confidence they are one
        String[] f = run("forecast", "mem.available_bytes", "--threshold", "2%", "--store", db.toString(),
                "--at", AT, "--format", "json", "--confidence", "0.8");
        JsonNode forecast = onlyMemory(f[0]);
        assertTrue(!forecast.get("eta").isNull(), f[0]);
        String[] c = run("check", "--store", db.toString(), "--at", AT, "--format", "json");
        JsonNode check = onlyMemory(c[0]);
        Path report = dir.resolve("m.json");
        String[] r = run("report", "--store", db.toString(), "--at", AT, "--format", "json", "--confidence", "0.8",
                "-o", report.toString());
        JsonNode rep = onlyMemory(java.nio.file.Files.readString(report));
        JsonNode top;
        try (SampleStore store = SampleStore.openReadOnly(db)) {
            Map<SeriesKey, Projection> all = TopForecasts.projectAll(store, new ForecastEngine(), Instant.parse(AT).toEpochMilli(),
                    ZoneOffset.UTC);
            Projection p = all.get(SeriesKey.of("mem.available_bytes"));
            assertNotNull(p, all.keySet().toString());
            top = JSON.readTree(ProjectionJson.toJson(p).toString());
        }
        assertEquals(forecast.get("threshold").asDouble(), check.get("threshold").asDouble(), 1, "the rule's 2 % of total, as --threshold 2%");
        assertEquals(facts(forecast), facts(check), "check");
        assertEquals(facts(forecast), facts(rep), "report: " + r[1]);
        assertEquals(facts(forecast), facts(top), "top");
    }

    @Test
    void forecastWithTheRuleGivesChecksAnswerWithoutRestatingItsThreshold() throws Exception {
        // 'forecast mem.available_bytes' runs to 0 B; '--rule mem-available' is check's question: 2 % of total, its confidence
        String[] f = run("forecast", "mem.available_bytes", "--rule", "mem-available", "--store", db.toString(), "--at", AT, "--format", "json");
        JsonNode forecast = onlyMemory(f[0]);
        JsonNode check = onlyMemory(run("check", "--store", db.toString(), "--at", AT, "--format", "json")[0]);
        assertEquals(facts(check), facts(forecast));
        assertEquals(check.get("threshold_text").asText(), forecast.get("threshold_text").asText());
        assertEquals(check.get("confidence").asDouble(), forecast.get("confidence").asDouble());
        String[] text = run("forecast", "mem.available_bytes", "--rule", "mem-available", "--store", db.toString(), "--at", AT);
        assertTrue(text[0].contains("[threshold 2% of mem.total_bytes ("), text[0]);
        // a series the rule does not judge, and a rule with no threshold, are refused with one line
        String[] other = run("forecast", "fs.avail_bytes{mount=\"/var\"}", "--rule", "mem-available", "--store", db.toString(), "--at", AT);
        assertEquals("", other[0]);
        assertTrue(other[1].startsWith("error: rule mem-available judges none of the series matching"), other[1]);
        String[] growth = run("forecast", "smart.reallocated_sectors", "--rule", "smart-reallocated", "--store", db.toString(), "--at", AT);
        assertTrue(growth[1].startsWith("error: --rule: rule smart-reallocated has no threshold to project to"), growth[1]);
        // without a threshold, forecast runs to 0 B and says on stderr which rule check judges the series by
        String[] plain = run("forecast", "mem.available_bytes", "--store", db.toString(), "--at", AT);
        assertTrue(plain[0].contains("[threshold 0 B, 80 % interval]"), plain[0]);
        assertEquals("note: check judges mem.available_bytes with rule mem-available, to 2% of mem.total_bytes ("
                + forecast.get("threshold_text").asText().replaceAll(".*\\((.*)\\)$", "$1")
                + ") at 80 %: forewarn forecast mem.available_bytes --rule mem-available gives its date", plain[1].strip());
        String[] var = run("forecast", "fs.avail_bytes{mount=\"/var\"}", "--store", db.toString(), "--at", AT);
        assertEquals("", var[1], "fs-space runs to 0 B too: nothing to say");
        String[] both = run("forecast", "mem.available_bytes", "--rule", "mem-available", "--direction", "up", "--store", db.toString(), "--at", AT);
        assertEquals("error: --direction: with --rule the direction is the rule's", both[1].strip());
        String[] unknown = run("forecast", "mem.available_bytes", "--rule", "mem-avail", "--store", db.toString(), "--at", AT);
        assertEquals("error: --rule: no rule 'mem-avail' in force; 'forewarn rules list' lists them", unknown[1].strip());
    }
}
