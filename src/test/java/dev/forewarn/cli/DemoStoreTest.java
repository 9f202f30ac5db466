package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.report.DemoMarker;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's store is the invented host's: {@code top --store demo.db} sampled this machine into the demo's store every two seconds: the
 * invented host's leaking memory ended on this machine's 24.9 GB free, and its report changed.
 */
class DemoStoreTest {

    private static final SeriesKey MEMORY = SeriesKey.of("mem.available_bytes");

    @TempDir
    Path dir;

    /** A store marked as the demo's, with a day of its memory history. */
    private Path demoStore() {
        Path db = dir.resolve("demo.db");
        long now = System.currentTimeMillis();
        int n = 288;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = now - (n - i) * 300_000L;
            v[i] = 3e9 - 1e6 * i;
        }
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(MEMORY, t, v),
                    new Series(SeriesKey.of(DemoMarker.INFO_SERIES, "host", DemoMarker.HOST), new long[] {now - 300_000L}, new double[] {1})));
        }
        return db;
    }

    private static int points(Path db) {
        try (SampleStore s = SampleStore.openReadOnly(db)) {
            return s.read(MEMORY, Long.MIN_VALUE, Long.MAX_VALUE).size();
        }
    }

    @Test
    void sampleAndCollectRefuseTheDemoStoreAndLeaveItAsItWas() {
        Path db = demoStore();
        for (String[] args : List.of(new String[] {"sample", "--store", db.toString()},
                new String[] {"collect", "--store", db.toString(), "--count", "1", "--interval", "1s"})) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCodes.USAGE, r.exitCode(), args[0] + ": " + r.err());
            assertTrue(r.err().startsWith("error: " + db + " holds the invented history of 'forewarn demo' (host demo-web-1)"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("", r.out());
            assertEquals(288, points(db), args[0] + " added points to the demo's memory");
        }
    }

    @Test
    void topOnTheDemoStoreOnlyLooksAndSaysWhoseDataItIs() {
        Path db = demoStore();
        CliRun r = CliRun.of("top", "--store", db.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("demo-web-1 (DEMO DATA)"), r.out());
        assertEquals(288, points(db), "top sampled this machine into the demo's memory");
        // a store of this host's own is still sampled
        Path own = dir.resolve("own.db");
        assertEquals(0, CliRun.of("top", "--store", own.toString()).exitCode());
        try (SampleStore s = SampleStore.openReadOnly(own)) {
            assertEquals(1, s.read(MEMORY, Long.MIN_VALUE, Long.MAX_VALUE).size(), "top samples a store of this host's once per snapshot");
        }
    }

    @Test
    void servedMetricsAndPageOfTheDemoStoreCarryTheDemoHostsNameAndSayDemoData() {
        Path db = demoStore();
        var ev = StoreFleet.evaluate(db, dev.forewarn.rules.RuleSet.load(true, List.of(), null), System.currentTimeMillis(), 86_400_000L);
        assertEquals(List.of(DemoMarker.HOST), ev.instances().stream().map(i -> i.instance()).toList());
        // and the page serve draws from it says whose data it is
        String html = new FleetReport(90 * 86_400_000L, 30 * 86_400_000L, java.time.ZoneOffset.UTC).html(ev, System.currentTimeMillis(), 0.8);
        assertTrue(html.contains("DEMO DATA"), html.length() > 3000 ? html.substring(0, 3000) : html);
    }
}
