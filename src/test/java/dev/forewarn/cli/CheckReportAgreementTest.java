package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forewarn.report.ProjectionJson;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code report} judge through one evaluation: on the same store the report's
 * status is check's, pending verdicts included, and check's text shows what is pending.
 */
class CheckReportAgreementTest {

    @TempDir
    Path dir;
    Path db;

    /** Two days of 5-minute points up to a minute ago: the 15-minute load at 9 on 2 cores (above both levels of cpu-load). */
    @BeforeEach
    void store() {
        db = dir.resolve("t.db");
        long end = System.currentTimeMillis() - 60_000;
        int n = 2 * 288;
        long[] t = new long[n];
        double[] load = new double[n];
        double[] cores = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * 300_000L;
            load[i] = 9 + 0.1 * Math.sin(i);
            cores[i] = 2;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(SeriesKey.of("cpu.load15"), t, load), new Series(SeriesKey.of("cpu.cores"), t, cores)));
        }
    }

    private JsonNode report() throws Exception {
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.of("report", "--store", db.toString(), "-o", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        return ProjectionJson.MAPPER.readTree(json.toFile());
    }

    private static String status(CliRun check) {
        return switch (check.exitCode()) {
            case 0 -> "OK";
            case 1 -> "WARNING";
            case 2 -> "CRITICAL";
            default -> "UNKNOWN";
        };
    }

    @Test
    void aPendingCriticalIsShownAndCountedByCheckAndTheReportAgrees() throws Exception {
        CliRun first = CliRun.of("check", "--store", db.toString());
        assertEquals(0, first.exitCode(), first.out());
        assertTrue(first.out().startsWith("FOREWARN OK - 1 pending, not raised yet: "), first.out());
        assertTrue(first.out().contains("\nPENDING  ") && first.out().contains("(pending CRITICAL: 1 of 2 evaluations, over at least 30 minutes)"),
                first.out());
        JsonNode r = report();
        assertEquals(status(first), r.get("status").asText(), "report and check agree: " + r.at("/verdict/summary"));
        assertTrue(r.at("/verdict/summary").asText().startsWith("Status OK (1 pending, not raised yet)"), r.at("/verdict/summary").asText());
        assertEquals("PENDING", r.at("/verdict/lines/0/label").asText(), r.get("verdict").toString());
        assertTrue(r.at("/verdict/lines/0/headline").asText().startsWith("load is above the cores"), r.get("verdict").toString());

        // the second check has its two evaluations but not yet its 30 minutes: it says so, not "seen 2 of 2"
        CliRun second = CliRun.of("check", "--store", db.toString(), "--format", "json");
        JsonNode c = ProjectionJson.MAPPER.readTree(second.out());
        assertEquals("OK", c.get("status").asText());
        String message = c.at("/pending/0/message").asText();
        assertTrue(message.contains("(pending CRITICAL: held ") && message.contains(" of 30 minutes, 2 evaluations)"), message);
        assertFalse(c.toString().contains("seen 2 of 2"), c.toString());
        assertEquals(c.get("status").asText(), report().get("status").asText());
    }

    @Test
    void loadAboveTheCoresIsLaidOutAsAPresentValueFinding() throws Exception {
        Path md = dir.resolve("r.md");
        assertEquals(0, CliRun.of("report", "--store", db.toString(), "-o", md.toString()).exitCode());
        String text = Files.readString(md);
        String load = text.substring(text.indexOf("## 1. "));
        load = load.substring(0, load.indexOf("## Track record"));
        assertTrue(load.contains("| What changed | above the limit since "), load);
        assertTrue(load.contains("| Limit | 4 (200% of 2 cores): past the critical level 200% of cpu.cores |"), load);
        assertTrue(load.contains("(pending CRITICAL: not raised by check yet)"), load);
        assertFalse(load.contains("| Threshold |") || load.contains("| Projected crossing |") || load.contains("| Backtest"), load);
        assertFalse(load.contains("No action needed"), "a pending CRITICAL is not advised on as OK: " + load);
    }

    @Test
    void onceCheckRaisesTheVerdictTheReportLeadsWithIt() throws Exception {
        Path rules = Files.writeString(dir.resolve("load.yaml"), """
                rules:
                  - id: cpu-load
                    series: cpu.load15
                    direction: up
                    now: {warning: 100% of cpu.cores, critical: 200% of cpu.cores}
                    hold: 2
                    message: "load is above the cores {when}"
                """);
        String[] check = {"check", "--store", db.toString(), "--rules", rules.toString()};
        Path json = dir.resolve("r.json");
        String[] report = {"report", "--store", db.toString(), "--rules", rules.toString(), "-o", json.toString()};
        assertEquals(0, CliRun.of(check).exitCode());
        assertEquals(0, CliRun.of(report).exitCode());
        assertEquals("OK", ProjectionJson.MAPPER.readTree(json.toFile()).get("status").asText());
        CliRun raised = CliRun.of(check);
        assertEquals(2, raised.exitCode(), raised.out());
        assertEquals(0, CliRun.of(report).exitCode());
        JsonNode r = ProjectionJson.MAPPER.readTree(json.toFile());
        assertEquals("CRITICAL", r.get("status").asText());
        assertEquals("CRITICAL", r.at("/verdict/lines/0/label").asText());
        // the report records the guard memory it judged with, so it verifies after more checks ran
        assertEquals(2, CliRun.of(check).exitCode());
        CliRun v = CliRun.of("report", "--store", db.toString(), "--rules", rules.toString(), "--verify", json.toString());
        assertEquals(0, v.exitCode(), v.out());
    }
}
