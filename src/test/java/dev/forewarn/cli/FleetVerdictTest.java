package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.report.Verdict;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet page's verdict speaks of the fleet as a place: "on the fleet of 1 instance", not "on fleet of 1 instance". */
class FleetVerdictTest {

    @TempDir
    Path dir;

    @Test
    void theVerdictNamesTheFleetAsAPlace() {
        Path db = dir.resolve("fleet.db");
        long now = System.currentTimeMillis();
        int n = 10 * 288;
        long[] t = new long[n];
        double[] avail = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = now - (long) (n - i) * 300_000L;
            avail[i] = 60e9 - 5e9 * i / 288.0; // 5 GB a day, 10 GB left: two days
            size[i] = 100e9;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(SeriesKey.of("fs.avail_bytes", "mount", "/data"), t, avail),
                    new Series(SeriesKey.of("fs.size_bytes", "mount", "/data"), t, size)));
        }
        var ev = StoreFleet.evaluate(db, dev.forewarn.rules.RuleSet.load(true, List.of(), null), now, 30 * 86_400_000L);
        var report = new FleetReport(90 * 86_400_000L, 30 * 86_400_000L, java.time.ZoneOffset.UTC).report(ev, now, 0.8);
        String summary = Verdict.of(report).summary();
        assertTrue(summary.startsWith("One resource on the fleet of 1 instance from "), summary);
    }
}
