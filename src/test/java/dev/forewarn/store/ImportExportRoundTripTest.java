package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void exportThenImportGivesBackTheSameSeriesAndPoints() throws Exception {
        List<SeriesKey> keys = List.of(
                SeriesKey.of("fs.avail_bytes", "mount", "/", "device", "/dev/sda1"),
                SeriesKey.of("fs.avail_bytes", "mount", "/srv/we\"ird,path\\x\ny"),
                SeriesKey.of("disk.read_bytes_total", "disk", "nvme0n1"),
                SeriesKey.of("cpu.busy_ratio"),
                SeriesKey.of("forewarn.collector.success", "collector", "fs"),
                SeriesKey.of("node_load1"));
        List<Series> original = awkwardHistory(keys, 3, 120_000);
        Path a = dir.resolve("a.db");
        Path b = dir.resolve("b.db");
        StringWriter text = new StringWriter();
        try (SampleStore s = SampleStore.open(a)) {
            s.appendAll(original);
            OpenMetricsExport.write(s, s.find(Selector.parse("*")), Long.MIN_VALUE, Long.MAX_VALUE, false, text);
        }
        assertTrue(text.toString().endsWith("# EOF\n"));
        assertTrue(text.toString().contains("# TYPE forewarn_disk_read_bytes counter\n"));
        ParsedInput parsed = OpenMetricsImport.parse("export.om", new BufferedReader(new StringReader(text.toString())), 0, false);
        try (SampleStore s = SampleStore.open(b)) {
            s.appendAll(parsed.series());
            assertEquals(keys.stream().sorted().toList(), s.find(Selector.parse("*")));
            for (Series o : original) {
                assertEquals(o, s.read(o.key(), Long.MIN_VALUE, Long.MAX_VALUE), "series " + o.key());
            }
        }
    }

    /**
     * A month of points for each key, at random steps of up to {@code maxStepMillis}: missing
     * readings (NaN), tiny negatives, values near the largest double, large integers, fractions.
     */
    static List<Series> awkwardHistory(List<SeriesKey> keys, long seed, int maxStepMillis) {
        Random rnd = new Random(seed);
        List<Series> out = new ArrayList<>();
        for (SeriesKey k : keys) {
            int n = 500 + rnd.nextInt(500);
            long[] t = new long[n];
            double[] v = new double[n];
            long time = SampleStoreTest.T0 - 30L * 86_400_000L;
            for (int i = 0; i < n; i++) {
                time += 1 + rnd.nextInt(maxStepMillis);
                t[i] = time;
                v[i] = switch (i % 7) {
                    case 0 -> Double.NaN;
                    case 1 -> -rnd.nextDouble() * 1e-300;
                    case 2 -> 1e308 * rnd.nextDouble();
                    case 3 -> Math.round(rnd.nextGaussian() * 1e14);
                    default -> rnd.nextDouble();
                };
            }
            out.add(new Series(k, t, v));
        }
        return out;
    }

    @Test
    void latestExportHasOneUntimestampedSamplePerSeriesInPrometheusTextForm() throws Exception {
        StringWriter text = new StringWriter();
        try (SampleStore s = SampleStore.open(dir.resolve("c.db"))) {
            s.appendAll(List.of(
                    new Series(SeriesKey.of("disk.read_bytes_total", "disk", "sda"), new long[] {1000, 2000}, new double[] {1, 2}),
                    new Series(SeriesKey.of("fs.avail_bytes", "mount", "/"), new long[] {1000, 2000}, new double[] {5e9, 4e9})));
            OpenMetricsExport.write(s, s.find(Selector.parse("*")), Long.MIN_VALUE, Long.MAX_VALUE, true, text);
        }
        assertEquals("""
                # HELP forewarn_disk_read_bytes_total forewarn metric disk.read_bytes_total
                # TYPE forewarn_disk_read_bytes_total counter
                forewarn_disk_read_bytes_total{disk="sda"} 2
                # HELP forewarn_fs_avail_bytes forewarn metric fs.avail_bytes
                # TYPE forewarn_fs_avail_bytes gauge
                forewarn_fs_avail_bytes{mount="/"} 4000000000
                """, text.toString());
    }
}
