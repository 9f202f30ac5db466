package dev.forewarn.report;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleSource;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built findings and their history for renderer tests: a /var that fills with weekly log rotation. */
final class ReportFixtures {

    static final long DAY = 86_400_000L;
    static final long AT = Times.parseTime("2026-02-01T00:00:00Z", 0, ZoneOffset.UTC);
    static final long ETA = Times.parseTime("2026-03-14T09:00:00Z", 0, ZoneOffset.UTC);
    static final long ETA_LOW = Times.parseTime("2026-03-09T00:00:00Z", 0, ZoneOffset.UTC);
    static final long ETA_HIGH = Times.parseTime("2026-03-18T00:00:00Z", 0, ZoneOffset.UTC);
    static final double SLOPE = -6.7e9;

    private ReportFixtures() {
    }

    /** 90 days of hourly /var free space, falling 6.7 GB/day with a weekly rotation that frees a little. */
    static Series varHistory(SeriesKey key) {
        int n = 90 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        double atValue = -SLOPE * ((ETA - AT) / (double) DAY);
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * 3_600_000L;
            double days = (t[i] - AT) / (double) DAY;
            double rotation = ((t[i] / DAY) % 7) * 0.8e9;
            v[i] = atValue + SLOPE * days + 3.2e9 - rotation;
        }
        return new Series(key, t, v);
    }

    static Finding varFinding(String mount) {
        return varFinding(mount, "weekly rotation frees space; the robust trend across rotations is steady");
    }

    /** The /var finding with the given reason (why this method). */
    static Finding varFinding(String mount, String reason) {
        SeriesKey key = SeriesKey.of("fs.avail_bytes", "mount", mount, "device", "/dev/sda3", "fstype", "ext4");
        double value = -SLOPE * ((ETA - AT) / (double) DAY);
        Projection p = new Projection(key, AT, value, 0, Direction.DOWN, ETA, ETA_LOW, ETA_HIGH, 0.95,
                "theil-sen over the segment since the last cleanup",
                reason,
                new Fit(2016, AT - 84 * DAY, AT, SLOPE, 0.97, 3.1e8), new BacktestSummary(12, 8.5, 0.92, 25),
                "ab".repeat(32));
        return new Finding("fs-fills", new RuleSource("built-in:rules/filesystem.yaml", 12, 3), Severity.WARNING,
                mount + " fills on Sat 14 Mar", p);
    }

    static Finding flatMemory() {
        SeriesKey key = SeriesKey.of("mem.available_bytes");
        Projection p = new Projection(key, AT, 6.0e9, 0, Direction.DOWN, null, null, null, 0.95,
                "theil-sen over 30 days", "flat: no trend toward the threshold",
                new Fit(720, AT - 30 * DAY, AT, 1.0e6, 0.01, 2.0e8), BacktestSummary.none(), "cd".repeat(32));
        return new Finding("mem-runs-out", new RuleSource("built-in:rules/memory.yaml", 4, 3), Severity.OK, "memory: no trend", p);
    }

    static Series flatHistory(SeriesKey key) {
        int n = 30 * 24;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * 3_600_000L;
            v[i] = 6.0e9 + 1.0e8 * Math.sin(i / 5.0);
        }
        return new Series(key, t, v);
    }

    /** A report over a /var finding (on the given mount) and a calm memory finding, in UTC. */
    static Report report(String mount) {
        return report(varFinding(mount));
    }

    /** A report over {@code var} (a finding on the /var series) and a calm memory finding, in UTC. */
    static Report report(Finding var) {
        Finding mem = flatMemory();
        Map<SeriesKey, Series> h = new HashMap<>();
        h.put(var.projection().series(), varHistory(var.projection().series()));
        h.put(mem.projection().series(), flatHistory(mem.projection().series()));
        return new ReportBuilder().host("web-01").generatedMillis(AT + 3_600_000L).atMillis(AT).sinceMillis(AT - 90 * DAY)
                .zone(ZoneOffset.UTC)
                .baselines(f -> f.projection().hasEta() ? new Baseline("predict_linear over the last 7 days", ETA + 11 * DAY, new BacktestSummary(12, 21.0)) : null)
                .build(List.of(mem, var), h::get);
    }

    /**
     * A new host's first minutes: 8 points of load15 at 11.5 above a limit of 4, pending in check,
     * the newest 6 minutes before the report's time (the load collector missed the last sample).
     */
    static Report fewMinutesOfLoad() {
        SeriesKey key = SeriesKey.of("cpu.load15");
        long[] t = new long[8];
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            t[i] = AT - (13 - i) * 60_000L;
            v[i] = 11.5;
        }
        Projection p = new Projection(key, AT, 11.5, 4, Direction.UP, null, null, null, 0.95, "present value",
                "past the critical level 200% of cpu.cores", null, BacktestSummary.none(), null);
        Finding f = new Finding("cpu-load", new RuleSource("built-in:rules/load.yaml", 4, 5), Severity.CRITICAL,
                "load is above the cores \u2014 11.5 now, above 4 (200% of 2 cores) (pending CRITICAL: 1 of 2 evaluations, over at least 30m)", p);
        Series s = new Series(key, t, v);
        return new ReportBuilder().host("vm").generatedMillis(AT).atMillis(AT).sinceMillis(AT - 90 * DAY).zone(ZoneOffset.UTC)
                .build(List.of(f), k -> s);
    }
}
