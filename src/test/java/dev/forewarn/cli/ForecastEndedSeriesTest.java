package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forewarn forecast} on a selector that also matches series that ended (earlier pids of a
 * restarted process): the ended ones are skipped with a note on stderr, the live one is forecast.
 */
class ForecastEndedSeriesTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z
    private static final double GB = 1e9;

    @TempDir
    Path dir;

    /** Resident memory of one pid from {@code from} to {@code to}, growing 0.2 GB a day from 2 GB. */
    private static Series rss(String pid, long from, long to) {
        int n = (int) ((to - from) / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from + i * STEP;
            v[i] = 2 * GB + 0.2 * GB * (t[i] - from) / DAY + (i % 7) * 1e6;
        }
        return new Series(SeriesKey.of("proc.rss_bytes", "name", "billing-api", "pid", pid), t, v);
    }

    /** Two earlier pids that ended, then the live one for the last 20 days. */
    private Path store() {
        Path db = dir.resolve("forewarn.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(
                    rss("100", AT - 60 * DAY, AT - 40 * DAY),
                    rss("200", AT - 40 * DAY + STEP, AT - 20 * DAY),
                    rss("300", AT - 20 * DAY + STEP, AT)));
        }
        return db;
    }

    @Test
    void endedSeriesAreSkippedWithANoteAndTheLiveOneIsForecast() {
        Path db = store();
        CliRun r = CliRun.of("forecast", "proc.rss_bytes{name=\"billing-api\"}", "--threshold", "12G",
                "--at", Times.iso(AT), "--store", db.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("pid=\"300\""), r.out());
        assertTrue(r.err().startsWith("note: skipped 2 series that have ended"), r.err());
        assertTrue(r.err().contains("pid=\"100\"") && r.err().contains("pid=\"200\""), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void endedSeriesAreLeftOutOfTheJsonAndTheNoteStaysOnStderr() {
        Path db = store();
        CliRun r = CliRun.of("forecast", "proc.rss_bytes{name=\"billing-api\"}", "--threshold", "12G",
                "--at", Times.iso(AT), "--format", "json", "--store", db.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertTrue(r.out().trim().startsWith("{"), "one live series gives one object: " + r.out());
        assertTrue(r.out().contains("pid=\\\"300\\\""), r.out());
        assertTrue(r.err().contains("note: skipped 2"), r.err());
    }

    @Test
    void aSelectorWhoseSeriesAllEndedIsOneErrorLineWithExitOne() {
        Path db = store();
        CliRun r = CliRun.of("forecast", "proc.rss_bytes{pid=\"100\"}", "--threshold", "12G",
                "--at", Times.iso(AT), "--store", db.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: every series matching proc.rss_bytes{pid=\"100\"} has ended"), r.err());
    }

    @Test
    void anEndedSeriesIsForecastAsOfATimeWhenItWasLive() {
        Path db = store();
        CliRun r = CliRun.of("forecast", "proc.rss_bytes{pid=\"100\"}", "--threshold", "12G",
                "--at", Times.iso(AT - 41 * DAY), "--store", db.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertEquals("", r.err());
    }
}
