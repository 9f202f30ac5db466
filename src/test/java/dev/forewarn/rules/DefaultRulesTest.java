package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped rule against a constructed history that must fire and one that must not,
 * through the real forecast engine.
 */
class DefaultRulesTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final RuleSet DEFAULTS = RuleSet.load(true, List.of(), null);
    private static final Set<String> TESTED = new TreeSet<>();

    /** value(daysBeforeAt) for a 5-minute series over {@code days} days up to AT. */
    private static Series series(SeriesKey key, double days, DoubleUnaryOperator valueAtDaysAgo) {
        int n = (int) (days * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            v[i] = valueAtDaysAgo.applyAsDouble((AT - t[i]) / (double) DAY);
        }
        return new Series(key, t, v);
    }

    private static Series constant(SeriesKey key, double days, double value) {
        return series(key, days, d -> value);
    }

    /** The worst severity the rule gives over the series in the source (OK when it gives no finding). */
    private static Severity judge(String ruleId, Series... series) {
        TESTED.add(ruleId);
        Rule rule = DEFAULTS.find(ruleId);
        assertTrue(rule != null, "no built-in rule " + ruleId);
        InMemorySeriesSource src = new InMemorySeriesSource();
        for (Series s : series) {
            src.put(s);
        }
        List<Finding> fs = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC).judge(rule, src, AT, true);
        return fs.stream().map(Finding::severity).max((a, b) -> Integer.compare(a.rank(), b.rank())).orElse(Severity.OK);
    }

    @Test
    void builtInRulesLoadWithoutProblems() {
        assertEquals(List.of(), DEFAULTS.problems());
        assertTrue(DEFAULTS.rules().size() >= 20, () -> "only " + DEFAULTS.rules().size());
        assertTrue(DEFAULTS.rules().stream().allMatch(r -> r.source().file().startsWith("built-in:rules/")));
    }

    @Test
    void fsSpaceWarnsOnAFillWithinTwoWeeksAndNotOnAFlatDisk() {
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
        Series size = constant(var.withName("fs.size_bytes"), 10, 100 * GIB);
        // 20 GiB free, losing 2 GiB a day: empty in about 10 days.
        assertEquals(Severity.WARNING, judge("fs-space", series(var, 10, d -> 20 * GIB + 2 * GIB * d), size));
        assertEquals(Severity.OK, judge("fs-space", constant(var, 10, 50 * GIB), size));
        // 2 GiB free of 100 is under 3 %: critical now, whatever the trend.
        assertEquals(Severity.CRITICAL, judge("fs-space", constant(var, 10, 2 * GIB), size));
        SeriesKey tmp = SeriesKey.of("fs.avail_bytes", "mount", "/run", "device", "tmpfs", "fstype", "tmpfs");
        assertEquals(Severity.OK, judge("fs-space", constant(tmp, 10, 0.01 * GIB), constant(tmp.withName("fs.size_bytes"), 10, GIB)));
    }

    @Test
    void fsInodesWarnOnAFillAndNotWhenPlenty() {
        SeriesKey k = SeriesKey.of("fs.inodes_free", "mount", "/srv");
        Series total = constant(k.withName("fs.inodes_total"), 10, 6_000_000);
        assertEquals(Severity.WARNING, judge("fs-inodes", series(k, 10, d -> 1_000_000 + 100_000 * d), total));
        assertEquals(Severity.OK, judge("fs-inodes", constant(k, 10, 5_000_000), total));
    }

    @Test
    void memoryAvailableIsCriticalWhenALeakEndsWithinADay() {
        SeriesKey k = SeriesKey.of("mem.available_bytes");
        Series total = constant(SeriesKey.of("mem.total_bytes"), 5, 16 * GIB);
        assertEquals(Severity.CRITICAL, judge("mem-available", series(k, 5, d -> 1.0 * GIB + 1.5 * GIB * d), total));
        assertEquals(Severity.OK, judge("mem-available", series(k, 5, d -> 8 * GIB + 0.5 * GIB * Math.sin(d * 2 * Math.PI)), total));
    }

    @Test
    void swapWarnsWhenAlmostFullAndSaysNothingWithoutSwap() {
        SeriesKey k = SeriesKey.of("swap.used_bytes");
        Series total = constant(SeriesKey.of("swap.total_bytes"), 3, 4 * GIB);
        assertEquals(Severity.WARNING, judge("swap-used", constant(k, 3, 3.4 * GIB), total));
        assertEquals(Severity.OK, judge("swap-used", constant(k, 3, 0.2 * GIB), total));
        assertEquals(Severity.OK, judge("swap-used", constant(k, 3, 0), constant(SeriesKey.of("swap.total_bytes"), 3, 0)));
    }

    @Test
    void systemFileHandlesWarnOnAGrowingLeak() {
        SeriesKey k = SeriesKey.of("os.open_fds");
        Series max = constant(SeriesKey.of("os.max_fds"), 5, 100_000);
        assertEquals(Severity.WARNING, judge("os-fds", series(k, 5, d -> 60_000 - 8_000 * d), max));
        assertEquals(Severity.OK, judge("os-fds", constant(k, 5, 3_000), max));
    }

    @Test
    void processDescriptorsAreCriticalNearTheLimit() {
        SeriesKey k = SeriesKey.of("proc.open_fds", "name", "java", "pid", "4242");
        Series max = constant(k.withName("proc.max_fds"), 2, 1024);
        assertEquals(Severity.CRITICAL, judge("proc-fds", constant(k, 2, 1000), max));
        assertEquals(Severity.OK, judge("proc-fds", constant(k, 2, 120), max));
    }

    @Test
    void loadAboveTheCoresWarnsAndBelowDoesNot() {
        Series cores = constant(SeriesKey.of("cpu.cores"), 1, 4);
        assertEquals(Severity.WARNING, judge("cpu-load", constant(SeriesKey.of("cpu.load15"), 1, 5.5), cores));
        assertEquals(Severity.CRITICAL, judge("cpu-load", constant(SeriesKey.of("cpu.load15"), 1, 9), cores));
        assertEquals(Severity.OK, judge("cpu-load", constant(SeriesKey.of("cpu.load15"), 1, 1.2), cores));
    }

    @Test
    void networkErrorRatesWarnAndASingleRebootResetDoesNot() {
        SeriesKey eth = SeriesKey.of("net.rx_errors_total", "iface", "eth0");
        // 0.5 errors a second, steadily.
        assertEquals(Severity.WARNING, judge("net-rx-errors", series(eth, 1, d -> 1e6 - d * 86_400 * 0.5)));
        // A counter that restarted from 0 at a reboot and then stayed still: no rate at all.
        assertEquals(Severity.OK, judge("net-rx-errors", series(eth, 1, d -> d > 0.5 ? 5_000 : 0)));
        SeriesKey tx = eth.withName("net.tx_errors_total");
        assertEquals(Severity.CRITICAL, judge("net-tx-errors", series(tx, 1, d -> 1e8 - d * 86_400 * 20)));
        assertEquals(Severity.OK, judge("net-tx-errors", constant(tx, 1, 12)));
        SeriesKey drop = eth.withName("net.rx_dropped_total");
        assertEquals(Severity.WARNING, judge("net-rx-drops", series(drop, 1, d -> 1e7 - d * 86_400 * 3)));
        assertEquals(Severity.OK, judge("net-rx-drops", series(drop, 1, d -> 1e3 - d * 86_400 * 0.001)));
        SeriesKey lo = SeriesKey.of("net.rx_dropped_total", "iface", "lo");
        assertEquals(Severity.OK, judge("net-rx-drops", series(lo, 1, d -> 1e7 - d * 86_400 * 3)));
    }

    @Test
    void cpuTemperatureWarnsOnASlowRiseAndNotWhenSteady() {
        SeriesKey k = SeriesKey.of("sensor.cpu_celsius");
        // 70 °C rising 1 °C a day: 95 °C in about 25 days.
        assertEquals(Severity.WARNING, judge("cpu-temperature", series(k, 10, d -> 70 - d)));
        assertEquals(Severity.OK, judge("cpu-temperature", series(k, 10, d -> 55 + 3 * Math.sin(d * 2 * Math.PI))));
        assertEquals(Severity.CRITICAL, judge("cpu-temperature", constant(k, 10, 97)));
    }

    @Test
    void batteryHealthWarnsWhenItWearsOutWithinThreeMonths() {
        SeriesKey k = SeriesKey.of("power.health_ratio", "battery", "BAT0");
        assertEquals(Severity.WARNING, judge("battery-health", series(k, 30, d -> 0.75 + 0.003 * d)));
        assertEquals(Severity.OK, judge("battery-health", constant(k, 30, 0.93)));
    }

    @Test
    void smartErrorCountsWarnWhenNonZeroAndGrowingOnly() {
        for (String[] r : new String[][] {{"smart-reallocated", "smart.reallocated_sectors"},
                {"smart-reported-uncorrect", "smart.reported_uncorrect"}, {"smart-command-timeouts", "smart.command_timeouts"},
                {"smart-pending", "smart.pending_sectors"}, {"smart-offline-uncorrectable", "smart.offline_uncorrectable"},
                {"nvme-media-errors", "smart.nvme_media_errors_total"}}) {
            SeriesKey k = SeriesKey.of(r[1], "disk", "/dev/sda");
            assertEquals(Severity.WARNING, judge(r[0], series(k, 10, d -> d > 2 ? 8 : 16)), r[0]);
            assertEquals(Severity.OK, judge(r[0], constant(k, 10, 8)), r[0] + " steady at 8");
            assertEquals(Severity.OK, judge(r[0], constant(k, 10, 0)), r[0] + " zero");
        }
    }

    @Test
    void smartNormalizedValueHeadingForTheVendorThresholdIsCritical() {
        SeriesKey k = SeriesKey.of("smart.attribute_normalized", "disk", "/dev/sda", "attribute", "reallocated_sectors");
        Series thresh = constant(k.withName("smart.attribute_threshold"), 10, 36);
        assertEquals(Severity.CRITICAL, judge("smart-vendor-threshold", series(k, 10, d -> 60 + 2 * d), thresh));
        assertEquals(Severity.OK, judge("smart-vendor-threshold", constant(k, 10, 100), thresh));
    }

    @Test
    void smartOverallFailureIsCriticalAndAPassIsNot() {
        SeriesKey k = SeriesKey.of("smart.healthy", "disk", "/dev/sda");
        assertEquals(Severity.CRITICAL, judge("smart-health", series(k, 1, d -> d > 0.1 ? 1 : 0)));
        assertEquals(Severity.OK, judge("smart-health", constant(k, 1, 1)));
    }

    @Test
    void driveTemperatureWarnsAboveSixtyDegrees() {
        SeriesKey k = SeriesKey.of("smart.temperature_celsius", "disk", "/dev/nvme0");
        assertEquals(Severity.WARNING, judge("smart-temperature", constant(k, 1, 64)));
        assertEquals(Severity.OK, judge("smart-temperature", constant(k, 1, 38)));
    }

    @Test
    void nvmeWearAndSpareAreForecastLikeAnyOtherResource() {
        SeriesKey used = SeriesKey.of("smart.nvme_used_ratio", "disk", "/dev/nvme0");
        // 80 % used, 0.5 % more a day: 100 % in 40 days.
        assertEquals(Severity.WARNING, judge("nvme-wear", series(used, 30, d -> 0.80 - 0.005 * d)));
        assertEquals(Severity.OK, judge("nvme-wear", series(used, 30, d -> 0.05 - 0.0001 * d)));
        SeriesKey spare = SeriesKey.of("smart.nvme_spare_ratio", "disk", "/dev/nvme0");
        Series thr = constant(spare.withName("smart.nvme_spare_threshold_ratio"), 10, 0.10);
        assertEquals(Severity.CRITICAL, judge("nvme-spare", series(spare, 10, d -> 0.14 + 0.01 * d), thr));
        assertEquals(Severity.OK, judge("nvme-spare", constant(spare, 10, 1.0), thr));
    }

    @AfterAll
    static void everyShippedRuleIsTested() {
        Set<String> shipped = DEFAULTS.rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        shipped.removeAll(TESTED);
        assertEquals(Set.of(), shipped, "shipped rules without a fire/no-fire test");
    }
}
