package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long command stops when its thread is interrupted (what the shell does on Ctrl-C): no results,
 * no error line, exit 130, and the flag still set for the shell to report.
 */
class InterruptionTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;

    @TempDir
    Path dir;

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    private Path store() {
        long end = 1_773_446_400_000L;
        int n = (int) (5 * DAY / STEP);
        long[] t = new long[n];
        double[] free = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * STEP;
            free[i] = 100e9 - 1e9 * i * STEP / DAY;
        }
        Path db = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(SeriesKey.of("fs.avail_bytes", "mount", "/"), t, free)));
        }
        return db;
    }

    @Test
    void interruptedForecastPrintsNothingAndExits130() {
        Path db = store();
        Thread.currentThread().interrupt();
        CliRun r = CliRun.of("forecast", "fs.avail_bytes", "--at", "2026-03-14T00:00:00Z", "--store", db.toString());
        assertTrue(Thread.currentThread().isInterrupted(), "the flag is kept for the shell");
        assertEquals(Interruption.EXIT_CODE, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void interruptedBacktestPrintsNothingAndExits130() {
        Path db = store();
        Thread.currentThread().interrupt();
        CliRun r = CliRun.of("backtest", "--store", db.toString());
        assertTrue(Thread.currentThread().isInterrupted());
        assertEquals(Interruption.EXIT_CODE, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
    }
}
