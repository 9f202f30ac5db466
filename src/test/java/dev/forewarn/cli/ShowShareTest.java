package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forewarn show SELECTOR} states the last value's share of its size series, as the README shows. */
class ShowShareTest {

    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z
    private static final long STEP = 300_000L;

    @TempDir
    Path dir;

    private static Series flat(SeriesKey k, int n, double v) {
        long[] t = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            y[i] = v;
        }
        return new Series(k, t, y);
    }

    private Path store() {
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var");
        Path db = dir.resolve("forewarn.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(
                    flat(var, 20, 125e9), flat(var.withName("fs.size_bytes"), 20, 1000e9),
                    flat(SeriesKey.of("mem.available_bytes"), 20, 2e9), flat(SeriesKey.of("mem.total_bytes"), 20, 16e9),
                    flat(SeriesKey.of("fs.avail_bytes", "mount", "/tmp"), 20, 3e9),
                    flat(SeriesKey.of("cpu.load1"), 20, 0.5)));
        }
        return db;
    }

    private CliRun show(Path db, String selector) {
        return CliRun.of("show", selector, "--store", db.toString(), "--since", "2026-03-01T00:00:00Z", "--until", "2027-01-01T00:00:00Z");
    }

    @Test
    void freeSpaceShowsItsShareOfTheFilesystemSize() {
        CliRun r = show(store(), "fs.avail_bytes{mount=\"/var\"}");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("last 125 GB (12.5 % of 1 TB)"), r.out());
    }

    @Test
    void availableMemoryShowsItsShareOfTotalMemory() {
        CliRun r = show(store(), "mem.available_bytes");
        assertTrue(r.out().contains("last 2 GB (12.5 % of 16 GB)"), r.out());
    }

    @Test
    void aSeriesWithoutSizeSeriesShowsNoShare() {
        Path db = store();
        CliRun tmp = show(db, "fs.avail_bytes{mount=\"/tmp\"}");
        assertTrue(tmp.out().contains("last 3 GB  ("), tmp.out());
        CliRun load = show(db, "cpu.load1");
        assertFalse(load.out().contains("%"), load.out());
    }
}
