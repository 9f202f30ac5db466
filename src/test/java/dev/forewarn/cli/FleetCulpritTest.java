package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page of a local store names the process behind a memory leak, as the host's own
 * report does: "restart billing-api", not "add memory".
 */
class FleetCulpritTest {

    @TempDir
    Path dir;

    /** Ten days of memory falling 1 GB a day toward its limit while billing-api grows by as much. */
    private Path leakingStore(long now) {
        Path db = dir.resolve("leak.db");
        int n = 10 * 288;
        long[] t = new long[n];
        double[] avail = new double[n];
        double[] total = new double[n];
        double[] rss = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = now - (long) (n - i) * 300_000L;
            avail[i] = 12e9 - 1e9 * i / 288.0;
            total[i] = 16e9;
            rss[i] = 1e9 + 1e9 * i / 288.0;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(SeriesKey.of("mem.available_bytes"), t, avail), new Series(SeriesKey.of("mem.total_bytes"), t, total),
                    new Series(SeriesKey.of("proc.rss_bytes", "name", "billing-api", "pid", "31412"), t, rss)));
        }
        return db;
    }

    @Test
    void theStoresFleetPageNamesTheLeakingProcess() {
        long now = System.currentTimeMillis();
        Path db = leakingStore(now);
        var ev = StoreFleet.evaluate(db, dev.forewarn.rules.RuleSet.load(true, List.of(), null), now, 30 * 86_400_000L);
        FleetReport withStore = new FleetReport(90 * 86_400_000L, 30 * 86_400_000L, ZoneOffset.UTC, StoreFleet.culprits(db, ZoneOffset.UTC));
        List<FleetReport.Row> rows = withStore.rows(ev).stream()
                .filter(r -> r.finding().projection().series().name().equals("mem.available_bytes")).toList();
        assertEquals(1, rows.size(), withStore.rows(ev).toString());
        assertTrue(rows.get(0).rec().action().contains("billing-api (pid 31412)"), rows.get(0).rec().action());
        String html = withStore.html(ev, now, 0.8);
        assertTrue(html.contains("billing-api (pid 31412)"), "the page's own finding names it too");
        // without the store's processes (a Prometheus fleet) no process is named
        FleetReport blind = new FleetReport(90 * 86_400_000L, 30 * 86_400_000L, ZoneOffset.UTC);
        String blindAction = blind.rows(ev).stream().filter(r -> r.finding().projection().series().name().equals("mem.available_bytes"))
                .findFirst().orElseThrow().rec().action();
        assertTrue(!blindAction.contains("billing-api"), blindAction);
    }
}
