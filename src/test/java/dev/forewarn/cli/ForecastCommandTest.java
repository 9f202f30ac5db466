package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast and backtest commands end to end, on a real store. */
class ForecastCommandTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final double GB = 1e9;
    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** /var losing 2 GB a day with a 6 GB nightly spool (01:00–02:30 UTC) over {@code days} up to AT. */
    private Path store(double days) {
        Path db = dir.resolve("f.db");
        int n = (int) (days * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        double[] size = new double[n];
        Random r = new Random(9);
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            double daysAgo = (AT - t[i]) / (double) DAY;
            double hour = Math.floorMod(t[i], DAY) / 3_600_000.0;
            double spool = hour >= 1 && hour < 2.5 ? 6 * GB : 0;
            v[i] = 60 * GB + 2 * GB * daysAgo - spool + 0.05 * GB * r.nextGaussian();
            size[i] = 500 * GB;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(VAR, t, v), new Series(VAR.withName("fs.size_bytes"), t, size)));
        }
        return db;
    }

    @Test
    void forecastJsonGivesTheFirstTouchWithAStrictIntervalAndThePath() throws Exception {
        Path db = store(20);
        CliRun r = CliRun.of("forecast", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "0", "--store", db.toString(),
                "--at", "2026-03-14T00:00:00Z", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = JSON.readTree(r.out());
        assertEquals("ready", p.get("state").asText());
        long eta = Instant.parse(p.get("eta").asText()).toEpochMilli();
        long low = Instant.parse(p.get("eta_low").asText()).toEpochMilli();
        long high = Instant.parse(p.get("eta_high").asText()).toEpochMilli();
        assertTrue(low < eta && eta < high, r.out());
        // The spool takes 6 GB at night: the first touch is the night the spool no longer fits,
        // (60 − 6) / 2 = 27 days out, three days before the mean line's 30.
        long firstSpoolTouch = AT + 27 * DAY;
        assertTrue(Math.abs(eta - firstSpoolTouch) < 1.5 * DAY, "eta " + p.get("eta") + " | " + p.get("reason"));
        assertTrue(low <= firstSpoolTouch + 2 * 3_600_000L && firstSpoolTouch - DAY <= high, r.out());
        long hourOfDay = Math.floorMod(eta, DAY) / 3_600_000L;
        assertTrue(hourOfDay >= 1 && hourOfDay < 3, "the touch happens while the spool is there: " + p.get("eta"));
        assertTrue(p.get("path").get("median").size() > 10, "the simulated path is in the JSON");
        CliRun text = CliRun.of("forecast", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "0", "--store", db.toString(),
                "--at", "2026-03-14T00:00:00Z");
        assertTrue(text.out().startsWith("/var fills on "), text.out());
    }

    @Test
    void forecastOnADayAndAHalfSaysLearningWithHowMuchMore() throws Exception {
        Path db = store(1.5);
        CliRun r = CliRun.of("forecast", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "0", "--store", db.toString(),
                "--at", "2026-03-14T00:00:00Z", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = JSON.readTree(r.out());
        assertEquals("learning", p.get("state").asText());
        assertEquals(12 * 3600, p.get("needs_more_seconds").asLong(), 1);
        assertTrue(p.get("eta").isNull());
        CliRun text = CliRun.of("forecast", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "0", "--store", db.toString(),
                "--at", "2026-03-14T00:00:00Z");
        assertTrue(text.out().contains("learning (needs about 12 hours more history"), text.out());
        assertFalse(text.out().contains("within a year"), text.out());
    }

    @Test
    void backtestReplaysTheStoreAndScoresTheFirstTouch() throws Exception {
        Path db = store(40);
        // A threshold the history really crosses: 60 GB free, touched by the spool when the line is at
        // 66 GB, 3 days before the end; origins from day 2 on see it coming from up to 35 days away.
        CliRun r = CliRun.of("backtest", "fs.avail_bytes{mount=\"/var\"}", "--threshold", "60G", "--store", db.toString(),
                "--step", "1d", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode a = JSON.readTree(r.out());
        assertEquals(1, a.size(), r.out());
        JsonNode fw = a.get(0).get("forewarn");
        assertTrue(a.get(0).get("origins").asInt() > 30, r.out());
        assertTrue(fw.get("coverage").isNumber(), r.out());
        assertTrue(fw.get("median_abs_eta_error_pct").asDouble() < 25, r.out());
    }

    /** A backtest against a level the history never reached scored nothing and said only "n/a". */
    @Test
    void aBacktestWithNoCrossingNamesALevelTheSeriesReachedAndThatLevelScores() throws Exception {
        Path db = store(40);
        CliRun none = CliRun.of("backtest", "fs.avail_bytes{mount=\"/var\"}", "--store", db.toString(), "--step", "1d");
        assertEquals(0, none.exitCode(), none.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("no crossing to score against; it first reached (.+) on .+: try --threshold '(.+)'")
                .matcher(none.out());
        assertTrue(m.find(), none.out());
        assertEquals(m.group(1), m.group(2));
        CliRun r = CliRun.of("backtest", "fs.avail_bytes{mount=\"/var\"}", "--threshold", m.group(2), "--store", db.toString(),
                "--step", "1d", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode row = JSON.readTree(r.out()).get(0);
        assertTrue(row.get("forewarn").get("coverage").isNumber(), r.out());
        assertTrue(row.get("crossed_level") == null, "a threshold that was crossed needs no other: " + r.out());
    }
}
