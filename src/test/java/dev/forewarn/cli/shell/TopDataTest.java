package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.cli.shell.TopSnapshot.Panel;
import dev.forewarn.cli.shell.TopSnapshot.Row;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopDataTest {

    private static final long NOW = 1_773_478_800_000L; // 2026-03-14T09:00:00Z
    private static final long HOUR = 3_600_000L;
    private static final double GB = 1e9;
    private static final SeriesKey ROOT_AVAIL = SeriesKey.of("fs.avail_bytes", "mount", "/");

    /** Three days of hourly samples: / loses 1 GB a day from 100 GB of 200 GB, a disk reads 1 MB/s. */
    private static void fill(SampleStore store) {
        for (int h = 72; h >= 0; h--) {
            long t = NOW - h * HOUR;
            Map<SeriesKey, Double> v = new LinkedHashMap<>();
            v.put(ROOT_AVAIL, 100 * GB - (72 - h) * GB / 24);
            v.put(SeriesKey.of("fs.size_bytes", "mount", "/"), 200 * GB);
            v.put(SeriesKey.of("mem.available_bytes"), 6 * GB);
            v.put(SeriesKey.of("mem.total_bytes"), 8 * GB);
            v.put(SeriesKey.of("swap.used_bytes"), 0.0);
            v.put(SeriesKey.of("swap.total_bytes"), 0.0);
            v.put(SeriesKey.of("cpu.load1"), 0.5);
            v.put(SeriesKey.of("disk.read_bytes_total", "disk", "sda"), (72 - h) * 3_600.0 * 1e6);
            v.put(SeriesKey.of("disk.write_bytes_total", "disk", "sda"), 0.0);
            store.append(t, v);
        }
    }

    private static Row only(TopSnapshot snap, Panel.Kind kind) {
        Panel p = snap.panels().stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
        assertEquals(1, p.rows().size(), kind + ": " + p.rows());
        return p.rows().get(0);
    }

    @Test
    void rowsShowPresentValuesShareInUseAndRatesFromTheStore(@TempDir Path dir) {
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            TopData data = new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC);
            TopSnapshot snap = data.snapshot(NOW, Map.of());
            assertEquals(NOW, snap.atMillis());
            Row root = only(snap, Panel.Kind.FILESYSTEMS);
            assertEquals("/", root.label());
            assertEquals("97 GB free of 200 GB", root.value(), "same byte format as the report");
            assertEquals(0.515, root.usedRatio(), 1e-9);
            assertEquals("…", root.eta(), "no forecast yet");
            long filled = java.util.Arrays.stream(root.history()).filter(x -> !Double.isNaN(x)).count();
            assertTrue(filled >= 6, "six hourly points in a six-hour window: " + filled);
            assertEquals("no swap configured", only(snap, Panel.Kind.SWAP).value());
            assertEquals("r 1 MB/s  w 0 B/s", only(snap, Panel.Kind.DISKS).value());
            assertEquals(0.25, only(snap, Panel.Kind.MEMORY).usedRatio(), 1e-9);
        }
    }

    @Test
    void aStoreNoLongerSampledShowsItsLastStretchNotEmptyPanels(@TempDir Path dir) {
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            TopData data = new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC);
            // two days after the last sample (a demo store, a timer that stopped)
            TopSnapshot snap = data.snapshot(NOW + 48 * HOUR, Map.of());
            assertEquals(NOW, snap.atMillis(), "the newest sample's time, for the header");
            assertEquals(NOW + 48 * HOUR, snap.madeMillis());
            Row root = only(snap, Panel.Kind.FILESYSTEMS);
            assertEquals("97 GB free of 200 GB", root.value());
            long filled = java.util.Arrays.stream(root.history()).filter(x -> !Double.isNaN(x)).count();
            assertTrue(filled >= 6, "the six hours before the last sample: " + filled);
            // half an hour after it, the history still ends at the last sample, not with a blank half hour
            TopSnapshot soon = data.snapshot(NOW + HOUR / 2, Map.of());
            assertTrue(!Double.isNaN(soon.panels().get(0).rows().get(0).history()[TopData.BUCKETS - 1]), "the last bucket holds the last sample");
        }
    }

    @Test
    void memoryRowIsNamedByTheResourceNotUsedBesideTheAvailableAmount(@TempDir Path dir) {
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            Row mem = only(new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC).snapshot(NOW, Map.of()), Panel.Kind.MEMORY);
            assertEquals("ram", mem.label());
            assertEquals("6 GB avail of 8 GB", mem.value());
            assertEquals(0.25, mem.usedRatio(), 1e-9, "the use column is the share in use");
        }
    }

    @Test
    void fillingFilesystemGetsADateAndSteadyMemoryDoesNot(@TempDir Path dir) {
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            Map<SeriesKey, Projection> p = TopForecasts.projectAll(store, new ForecastEngine(), NOW, ZoneOffset.UTC);
            Projection root = p.get(ROOT_AVAIL);
            assertNotNull(root);
            assertTrue(root.hasEta(), root.reason());
            // 97 GB left at 1 GB a day: about 97 days
            assertEquals(97.0, (root.etaMillis() - NOW) / 86_400_000.0, 5.0);
            Projection mem = p.get(SeriesKey.of("mem.available_bytes"));
            assertFalse(mem.hasEta());
            assertFalse(p.containsKey(SeriesKey.of("swap.used_bytes")), "no swap, nothing to run out");

            TopSnapshot snap = new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC).snapshot(NOW, p);
            Row row = only(snap, Panel.Kind.FILESYSTEMS);
            assertTrue(row.eta().matches("\\w{3} \\d{1,2} \\w{3}"), row.eta());
            assertFalse(row.urgent());
            assertEquals("no trend", only(snap, Panel.Kind.MEMORY).eta());
        }
    }

    @Test
    void exhaustionTargetsAreTheRulesThresholdsNotASecondList(@TempDir Path dir) {
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            Map<String, TopData.Target> byName = new LinkedHashMap<>();
            for (TopData.Target t : new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC).targets(NOW)) {
                byName.put(t.key().name(), t);
            }
            TopData.Target mem = byName.get("mem.available_bytes");
            assertEquals(0.02 * 8 * GB, mem.threshold(), 1, "mem-available: 2% of mem.total_bytes, as check judges it");
            assertEquals("mem-available", mem.ruleId());
            assertEquals(0.8, mem.confidence());
            assertEquals(0, byName.get("fs.avail_bytes").threshold());
            assertEquals("fs-space", byName.get("fs.avail_bytes").ruleId());
            assertFalse(byName.containsKey("swap.used_bytes"), "95% of a zero swap total is no target");
        }
    }

    @Test
    void aRuleFileChangesTopsThresholdsAndASeriesNoRuleProjectsHasNoDate(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("local.yaml"), """
                rules:
                  - id: fs-space
                    series: fs.avail_bytes
                    direction: down
                    threshold: 10% of fs.size_bytes
                    warning: 14d
                    confidence: 0.95
                  - id: mem-available
                    enabled: false
                """);
        java.util.List<dev.forewarn.rules.Rule> rules = dev.forewarn.rules.RuleSet.load(true, java.util.List.of(), file).rules();
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            fill(store);
            TopData data = new TopData(store, 6 * HOUR, "web1", ZoneOffset.UTC, rules);
            java.util.List<TopData.Target> targets = data.targets(NOW);
            assertEquals(1, targets.size(), targets.toString());
            assertEquals(ROOT_AVAIL, targets.get(0).key());
            assertEquals(20 * GB, targets.get(0).threshold(), 1);
            assertEquals(0.95, targets.get(0).confidence());
            TopSnapshot snap = data.snapshot(NOW, Map.of());
            assertEquals("", only(snap, Panel.Kind.MEMORY).eta(), "switched off: no date, and none pending");
            assertEquals("…", only(snap, Panel.Kind.FILESYSTEMS).eta(), "projected, not yet done");
        }
    }

    @Test
    void etaReadsAsHoursWhenCloseAndNowWhenReached() {
        assertEquals("in 5.3 hours", TopData.etaText(projection(NOW + 5 * HOUR + 20 * 60_000L), NOW, ZoneOffset.UTC));
        assertEquals("now", TopData.etaText(projection(NOW), NOW, ZoneOffset.UTC));
        assertEquals("Sat 21 Mar", TopData.etaText(projection(NOW + 7 * 86_400_000L), NOW, ZoneOffset.UTC));
        assertEquals("learning", TopData.etaText(new Projection(ROOT_AVAIL, NOW, 1.0, 0, dev.forewarn.forecast.Direction.DOWN,
                null, null, null, 0.8, "too little history", "needs 24 hours", null, dev.forewarn.forecast.BacktestSummary.none(), ""), NOW, ZoneOffset.UTC));
    }

    private static Projection projection(long eta) {
        return new Projection(ROOT_AVAIL, NOW, 1.0, 0, dev.forewarn.forecast.Direction.DOWN, eta, eta, eta, 0.8, "m", "r",
                new dev.forewarn.forecast.Fit(10, NOW - HOUR, NOW, -1, 0.9, 0.1), dev.forewarn.forecast.BacktestSummary.none(), "");
    }
}
