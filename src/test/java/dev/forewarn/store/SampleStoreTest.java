package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {

    static final long T0 = 1_773_446_400_000L; // 2026-03-14T00:00:00Z, on a chunk window boundary
    static final SeriesKey ROOT = SeriesKey.of("fs.avail_bytes", "mount", "/");
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");
    static final SeriesKey LOAD = SeriesKey.of("cpu.load1");

    @TempDir
    Path dir;

    @Test
    void appendedSamplesReadBackInTimeOrderAndSurviveReopen() {
        Path file = dir.resolve("deep/er/forewarn.db");
        try (SampleStore s = SampleStore.open(file)) {
            for (int i = 0; i < 10; i++) {
                s.append(T0 + i * 60_000L, Map.of(ROOT, 1000.0 - i, LOAD, 0.5 + i));
            }
        }
        try (SampleStore s = SampleStore.openReadOnly(file)) {
            Series root = s.read(ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(10, root.size());
            assertEquals(T0, root.firstMillis());
            assertEquals(991.0, root.lastValue());
            assertEquals(List.of(ROOT), s.find(Selector.parse("fs.avail_bytes{mount=\"/\"}")));
            assertEquals(List.of(LOAD, ROOT), s.find(Selector.parse("*")));
        }
    }

    @Test
    void collectorReadTimesAreKeptWithTheSampleAndSurviveReopen() {
        Path file = dir.resolve("reads.db");
        try (SampleStore s = SampleStore.open(file)) {
            assertEquals(Map.of(), s.collectorReads());
            s.append(T0, Map.of(LOAD, 1.0), List.of("smart"));
            s.append(T0 + 60_000L, Map.of(LOAD, 2.0));
            s.setRetention(3_600_000L, 7_200_000L); // other bookkeeping in the same table is not a read time
        }
        try (SampleStore s = SampleStore.open(file)) {
            assertEquals(Map.of("smart", T0), s.collectorReads());
            s.append(T0 + 120_000L, Map.of(LOAD, 3.0), List.of("smart"));
            assertEquals(Map.of("smart", T0 + 120_000L), s.collectorReads());
        }
    }

    @Test
    void theSameSeriesAndTimeAgainKeepsTheLastValue() {
        try (SampleStore s = SampleStore.open(dir.resolve("s.db"))) {
            s.append(T0, Map.of(ROOT, 1.0));
            s.append(T0, Map.of(ROOT, 2.0));
            s.appendAll(List.of(new Series(ROOT, new long[] {T0 + 1}, new double[] {3.0})));
            s.appendAll(List.of(new Series(ROOT, new long[] {T0 + 1}, new double[] {4.0})));
            s.append(T0 + 1, Map.of(ROOT, 5.0));
            Series r = s.read(ROOT, T0, T0 + 1);
            assertArrayEquals(new double[] {2.0, 5.0}, r.values());
            s.vacuum(T0 + 2);
            assertArrayEquals(new double[] {2.0, 5.0}, s.read(ROOT, T0, T0 + 1).values());
        }
    }

    @Test
    void samplesAcrossWindowsAreFoldedIntoChunksWithoutLoss() {
        Path file = dir.resolve("s.db");
        int n = 1000;
        try (SampleStore s = SampleStore.open(file)) {
            for (int i = 0; i < n; i++) {
                s.append(T0 + i * 60_000L, Map.of(ROOT, (double) i, VAR, i * 0.5));
            }
            StoreInfo info = s.info();
            assertEquals(2L * n, info.rawPoints());
            assertTrue(info.headPoints() < 2 * 240 + 2, "head holds only the current window: " + info.headPoints());
            Series r = s.read(ROOT, T0, T0 + n * 60_000L);
            assertEquals(n, r.size());
            for (int i = 0; i < n; i++) {
                assertEquals(T0 + i * 60_000L, r.timeMillis(i));
                assertEquals(i, r.value(i));
            }
            assertTrue(s.check().ok(), s.check().problems().toString());
        }
    }

    @Test
    void bulkImportIsAllOrNothing() {
        try (SampleStore s = SampleStore.open(dir.resolve("s.db"))) {
            List<Series> batch = new ArrayList<>();
            batch.add(new Series(ROOT, new long[] {T0, T0 + 1}, new double[] {1, 2}));
            batch.add(null); // fails half way
            assertThrows(NullPointerException.class, () -> s.appendAll(batch));
            assertEquals(0, s.read(ROOT, Long.MIN_VALUE, Long.MAX_VALUE).size());
            assertEquals(List.of(), s.find(Selector.parse("*")));
            ImportResult r = s.appendAll(List.of(new Series(ROOT, new long[] {T0, T0 + 1}, new double[] {1, 2})));
            assertEquals(new ImportResult(1, 2), r);
        }
    }

    @Test
    void retentionRollsAnHourUpIntoExactMinMaxAvgLast() {
        long hour = T0 + 3_600_000L;
        double[] values = {5, 1, 9, 3, Double.NaN, 7};
        Map<SeriesKey, Double> sample = new LinkedHashMap<>();
        try (SampleStore s = SampleStore.open(dir.resolve("s.db"),
                StoreOptions.DEFAULTS.withRetention(86_400_000L, 730 * 86_400_000L))) {
            for (int i = 0; i < values.length; i++) {
                sample.put(ROOT, values[i]);
                s.append(hour + i * 600_000L, sample);
            }
            long now = T0 + 3 * 86_400_000L;
            s.append(now, Map.of(ROOT, 100.0));
            s.appendAll(List.of(heartbeat(T0, now))); // the host sampled all along: retention trusts the time since
            s.vacuum(now);
            SeriesSummary root = s.summaries(Selector.parse("fs.avail_bytes")).get(0);
            assertEquals(1, root.rollupHours());
            assertEquals(1, root.rawPoints(), "the newest point stays raw");
            long mid = hour + 1_800_000L;
            assertEquals(1.0, s.readRollup(ROOT, Agg.MIN, hour, hour + 3_599_999).value(0));
            assertEquals(9.0, s.readRollup(ROOT, Agg.MAX, hour, hour + 3_599_999).value(0));
            assertEquals(5.0, s.readRollup(ROOT, Agg.AVG, hour, hour + 3_599_999).value(0));
            assertEquals(7.0, s.readRollup(ROOT, Agg.LAST, hour, hour + 3_599_999).value(0));
            Series all = s.read(ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
            assertArrayEquals(new long[] {mid, now}, all.timesMillis());
            assertArrayEquals(new double[] {5.0, 100.0}, all.values());
            assertTrue(s.check().ok(), s.check().problems().toString());
        }
    }

    @Test
    void rollupsOlderThanTheirRetentionAreDroppedAndYoungerOnesKept() {
        try (SampleStore s = SampleStore.open(dir.resolve("s.db"),
                StoreOptions.DEFAULTS.withRetention(86_400_000L, 18 * 86_400_000L))) {
            s.append(T0, Map.of(ROOT, 1.0));
            s.append(T0 + 5 * 86_400_000L, Map.of(ROOT, 2.0));
            s.append(T0 + 20 * 86_400_000L, Map.of(ROOT, 3.0));
            s.appendAll(List.of(heartbeat(T0, T0 + 20 * 86_400_000L)));
            s.vacuum(T0 + 20 * 86_400_000L);
            Series all = s.read(ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
            assertArrayEquals(new double[] {2.0, 3.0}, all.values());
        }
    }

    /**
     * Another series with a point every two hours: a host that sampled throughout, so retention
     * may trust the time between sparse points (it does not cross an unexplained gap of days at once).
     */
    static Series heartbeat(long fromMillis, long toMillis) {
        int n = (int) ((toMillis - fromMillis) / 7_200_000L) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = fromMillis + i * 7_200_000L;
            v[i] = 1.0;
        }
        return new Series(SeriesKey.of("forewarn.collector.success", "collector", "os"), t, v);
    }

    @Test
    void retentionKeptInTheStoreAppliesToEveryLaterWriter() {
        Path file = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(file)) {
            s.setRetention(86_400_000L, 730 * 86_400_000L);
        }
        try (SampleStore s = SampleStore.open(file)) {
            assertEquals(86_400_000L, s.retention().rawRetentionMillis());
            for (int i = 0; i <= 3 * 24; i++) {
                s.append(T0 + i * 3_600_000L, Map.of(ROOT, (double) i));
            }
            StoreInfo info = s.info();
            assertTrue(info.rollupHours() >= 24, "a sample opening a new window rolled old hours up: " + info);
            Series all = s.read(ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
            assertEquals(73, all.size(), "every hour still readable, raw or rolled up");
        }
    }

    @Test
    void readOnlyStoreRefusesMissingFileClearly() {
        Path file = dir.resolve("missing.db");
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.openReadOnly(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("forewarn sample"), e.getMessage());
    }
}
