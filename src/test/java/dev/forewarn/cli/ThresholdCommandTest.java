package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds through the real {@code check} and {@code forecast}: stated as written, refused when not finite. */
class ThresholdCommandTest {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final long STEP = 1_800_000L;

    @TempDir
    Path dir;

    private String store;

    /** /data falls from 300 GiB by 10 GiB a day over 10 days, size 1 TiB. */
    @BeforeEach
    void fallingFilesystem() {
        SeriesKey avail = SeriesKey.of("fs.avail_bytes", "mount", "/data");
        long end = System.currentTimeMillis() / STEP * STEP;
        int n = 10 * 48;
        long[] t = new long[n];
        double[] v = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * STEP;
            v[i] = 300 * GIB - 10 * GIB * i / 48.0;
            size[i] = 1024 * GIB;
        }
        store = dir.resolve("t.db").toString();
        try (SampleStore s = SampleStore.open(Path.of(store))) {
            s.appendAll(List.of(new Series(avail, t, v), new Series(avail.withName("fs.size_bytes"), t, size)));
        }
    }

    @Test
    void checkStatesTheRulesThresholdAsWritten() throws IOException {
        Path rules = dir.resolve("r.yaml");
        Files.writeString(rules, """
                rules:
                  - id: data-space
                    series: fs.avail_bytes{mount="/data"}
                    direction: down
                    threshold: 100GiB
                    warning: 60d
                    critical: 1d
                    message: "{mount} reaches its floor {when}"
                """);
        CliRun r = CliRun.of("check", "--store", store, "--rules", rules.toString());
        assertTrue(r.out().contains("limit 100 GiB"), r.out());
        assertTrue(r.out().contains("80 %"), r.out());
    }

    @Test
    void forecastStatesItsThresholdAsWrittenAndItsConfidence() {
        CliRun r = CliRun.of("forecast", "--store", store, "fs.avail_bytes", "--threshold", "100GiB");
        assertEquals(0, r.exitCode(), r::err);
        assertTrue(r.out().contains("[threshold 100 GiB (107 GB), 80 % interval]"), r.out());
        CliRun p = CliRun.of("forecast", "--store", store, "fs.avail_bytes", "--threshold", "5%");
        assertTrue(p.out().contains("threshold 5% of fs.size_bytes{mount=\"/data\"} (55 GB)"), p.out());
    }

    /** The rule of {@link #checkStatesTheRulesThresholdAsWritten}, its message naming the threshold. */
    private Path gibRule() throws IOException {
        Path rules = dir.resolve("gib.yaml");
        Files.writeString(rules, """
                rules:
                  - id: data-space
                    series: fs.avail_bytes{mount="/data"}
                    direction: down
                    threshold: 100GiB
                    warning: 60d
                    critical: 1d
                    message: "{mount} reaches {threshold} {when}"
                """);
        return rules;
    }

    @Test
    void theMessagesThresholdPlaceholderIsTheThresholdAsWritten() throws IOException {
        CliRun r = CliRun.of("check", "--store", store, "--rules", gibRule().toString());
        assertEquals(ExitCodes.WARNING, r.exitCode(), r::err);
        assertTrue(r.out().contains("/data reaches 100 GiB (107 GB) "), r.out());
    }

    @Test
    void checkJsonKeepsTheNumberAndAddsTheThresholdAsWritten() throws IOException {
        CliRun r = CliRun.of("check", "--store", store, "--rules", gibRule().toString(), "--format", "json");
        var findings = dev.forewarn.report.ProjectionJson.MAPPER.readTree(r.out()).path("findings");
        var data = java.util.stream.StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> f.path("rule").asText().equals("data-space")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertEquals(100 * GIB, data.path("threshold").asDouble(), 0.5);
        assertEquals("100 GiB (107 GB)", data.path("threshold_text").asText());
        assertEquals(0.8, data.path("confidence").asDouble());
    }

    @Test
    void forecastsHeadlineFallsToTheThresholdAsWritten() {
        CliRun r = CliRun.of("forecast", "--store", store, "fs.avail_bytes", "--threshold", "100GiB");
        assertTrue(r.out().startsWith("/data falls to 100 GiB (107 GB) free on "), r.out());
    }

    @Test
    void theReportStatesTheRulesThresholdAsWrittenAndTheConfidenceOfItsInterval() throws IOException {
        Path md = dir.resolve("r.md");
        CliRun r = CliRun.of("report", "--store", store, "--rules", gibRule().toString(), "-o", md.toString(), "fs.avail_bytes");
        assertEquals(0, r.exitCode(), r::err);
        String text = Files.readString(md);
        assertTrue(text.contains("| Threshold | 100 GiB (107 GB), falling to it |"), text);
        assertTrue(text.contains("| 95 % interval |"), text);
        Path html = dir.resolve("r.html");
        assertEquals(0, CliRun.of("report", "--store", store, "--rules", gibRule().toString(), "-o", html.toString(), "fs.avail_bytes").exitCode());
        String page = Files.readString(html);
        assertTrue(page.contains("Orange band: the 95 % interval of when the limit is reached ("), page);
        assertTrue(page.contains("100 GiB (107 GB)"), page);
    }

    @Test
    void rulesExplainShowsTheThresholdAsWrittenWithItsLevel() throws IOException {
        CliRun r = CliRun.of("rules", "explain", "data-space", "--store", store, "--rules", gibRule().toString());
        assertEquals(0, r.exitCode(), r::err);
        assertTrue(r.out().contains("threshold:  100 GiB (107 GB); WARNING when the crossing is within 60 days"), r.out());
    }

    @Test
    void nonFiniteOrNegativePercentThresholdsAreUsageErrors() {
        for (String bad : new String[] {"1e400", "NaN", "-5%"}) {
            CliRun r = CliRun.of("forecast", "--store", store, "fs.avail_bytes", "--threshold", bad);
            assertEquals(ExitCodes.USAGE, r.exitCode(), () -> bad + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("error: --threshold"), r.err());
        }
    }

    @Test
    void percentOfASeriesWithAUnitAndNoWholeIsAnError() {
        SeriesKey rss = SeriesKey.of("proc.rss_bytes", "name", "api");
        long now = System.currentTimeMillis();
        try (SampleStore s = SampleStore.open(Path.of(store))) {
            s.appendAll(List.of(new Series(rss, new long[] {now - 2 * 86_400_000L, now - 86_400_000L, now}, new double[] {1e9, 2e9, 3e9})));
        }
        CliRun r = CliRun.of("forecast", "--store", store, "proc.rss_bytes", "--threshold", "5%");
        assertTrue(r.exitCode() != 0, r::out);
        assertTrue(r.err().contains("needs a whole") && r.err().contains("of SERIES"), r.err());
    }
}
