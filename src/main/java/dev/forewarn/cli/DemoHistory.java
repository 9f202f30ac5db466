package dev.forewarn.cli;

import dev.forewarn.report.DemoMarker;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic, deterministic history of one web host for {@code forewarn demo}: four months of
 * 5-minute samples ending at a given time. /var fills with application data and logs that a
 * weekly rotation (Sunday 03:00) mostly clears, plus a nightly backup spool; the service
 * {@code billing-api} leaks memory with a growing rate and is restarted by each deploy, the
 * last one 40 days ago; disk sda's reallocated sector count, zero for months, has started to
 * grow. /, /home and the database's memory are healthy, so the report must tell them apart.
 * Values are in the metric's unit (bytes, counts); the noise comes from a fixed seed, one stream
 * per series, so a history that runs on past the end ({@link #build(long, long, int)}) has the
 * same points up to the end: the demo's own future, to judge its forecasts against.
 */
final class DemoHistory {

    static final long STEP_MILLIS = 5 * 60_000L;
    static final int DAYS = 120;
    private static final double DAY = 86_400_000.0;
    private static final double GB = 1e9;
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** Deploys (restarts of billing-api), days before the end. */
    private static final double[] DEPLOYS = {120, 92, 66, 40};

    /** The demo host's own name (see {@link DemoMarker}). */
    static final String HOST = DemoMarker.HOST;
    /** The series that marks a store as the demo's (see {@link DemoMarker}). */
    static final String INFO_SERIES = DemoMarker.INFO_SERIES;

    private DemoHistory() {
    }

    /** Every series, ending at {@code endMillis} (the last sample at or before it, on the 5-minute grid). */
    static List<Series> build(long endMillis, long seed) {
        return build(endMillis, seed, 0);
    }

    /**
     * As {@link #build(long, long)}, the same points up to the end, and the host's life going on
     * for {@code futureDays} after it (no deploy, no cleanup beyond the weekly rotation).
     */
    static List<Series> build(long endMillis, long seed, int futureDays) {
        long end = Math.floorDiv(endMillis, STEP_MILLIS) * STEP_MILLIS;
        int past = (int) (DAYS * DAY / STEP_MILLIS);
        int n = past + (int) (futureDays * DAY / STEP_MILLIS);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (past - 1 - i) * STEP_MILLIS;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Series> out = new ArrayList<>();
        filesystems(t, end, rnd.split(), rnd.split(), rnd.split(), out);
        memory(t, end, rnd.split(), out);
        smart(t, end, rnd.split(), out);
        load(t, rnd.split(), out);
        out.add(new Series(SeriesKey.of(INFO_SERIES, "host", HOST), new long[] {end}, new double[] {1}));
        return out;
    }

    private static void filesystems(long[] t, long end, SplittableRandom rnd, SplittableRandom inodeRnd, SplittableRandom otherRnd, List<Series> out) {
        double varSize = 500 * GB;
        double[] varAvail = new double[t.length];
        double[] varUsed = new double[t.length];
        double logs = 0;
        long lastWeek = Long.MIN_VALUE;
        for (int i = 0; i < t.length; i++) {
            double daysBeforeEnd = (end - t[i]) / DAY;
            // application data grows steadily; logs grow through the week
            double data = 398 * GB - 2.05 * GB * daysBeforeEnd;
            // Sunday 03:00 UTC rotation compresses the week's logs to 12 %
            long week = Math.floorDiv(t[i] - 3 * 3_600_000L - 3 * 86_400_000L, 7 * 86_400_000L);
            if (week != lastWeek) {
                logs *= 0.12;
                lastWeek = week;
            }
            logs += 2.6 * GB * STEP_MILLIS / DAY * (0.6 + 0.8 * busy(t[i]));
            // the nightly backup spools 6 GB to /var/backups 01:00-02:30, then ships it off
            double hourOfDay = (Math.floorMod(t[i], 86_400_000L)) / 3_600_000.0;
            double spool = hourOfDay >= 1 && hourOfDay < 2.5 ? 6 * GB * Math.min(1, (hourOfDay - 1) / 0.75) : 0;
            varUsed[i] = Math.min(varSize, data + logs + spool + rnd.nextGaussian() * 0.05 * GB);
            varAvail[i] = varSize - varUsed[i];
        }
        String[] var = {"device", "/dev/sda3", "fstype", "ext4", "mount", "/var"};
        out.add(series("fs.avail_bytes", var, t, varAvail));
        out.add(series("fs.used_bytes", var, t, varUsed));
        out.add(series("fs.size_bytes", var, t, constant(t.length, varSize)));
        out.add(series("fs.inodes_total", var, t, constant(t.length, 32_768_000)));
        double[] inodes = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            inodes[i] = 31_200_000 - 400 * ((t[i] - t[0]) / DAY) + Math.round(inodeRnd.nextGaussian() * 50);
        }
        out.add(series("fs.inodes_free", var, t, inodes));

        double[] root = new double[t.length];
        double[] home = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double days = (t[i] - t[0]) / DAY;
            root[i] = 21.4 * GB + otherRnd.nextGaussian() * 0.02 * GB + ((int) (days / 30)) * -0.3 * GB;
            home[i] = 610 * GB - 0.4 * GB * days + otherRnd.nextGaussian() * 0.3 * GB;
        }
        String[] rootLabels = {"device", "/dev/sda1", "fstype", "ext4", "mount", "/"};
        out.add(series("fs.avail_bytes", rootLabels, t, root));
        out.add(series("fs.size_bytes", rootLabels, t, constant(t.length, 40 * GB)));
        String[] homeLabels = {"device", "/dev/sdb1", "fstype", "xfs", "mount", "/home"};
        out.add(series("fs.avail_bytes", homeLabels, t, home));
        out.add(series("fs.size_bytes", homeLabels, t, constant(t.length, 1000 * GB)));
    }

    private static void memory(long[] t, long end, SplittableRandom rnd, List<Series> out) {
        double total = 16 * GIB;
        double[] avail = new double[t.length];
        double[] postgres = new double[t.length];
        List<long[]> pidTimes = new ArrayList<>();
        List<double[]> pidValues = new ArrayList<>();
        int seg = -1;
        int segStart = 0;
        double[] rssAll = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double daysBeforeEnd = (end - t[i]) / DAY;
            int s = 0;
            while (s + 1 < DEPLOYS.length && daysBeforeEnd <= DEPLOYS[s + 1]) {
                s++;
            }
            if (s != seg) {
                if (seg >= 0) {
                    cut(t, rssAll, segStart, i, pidTimes, pidValues);
                }
                seg = s;
                segStart = i;
            }
            double d = DEPLOYS[s] - daysBeforeEnd;
            // the leak: a slowly rising rate (cache entries never evicted, hit more as traffic grows)
            double rss = 0.8 * GB + 0.05 * GB * d + 0.0042 * GB * d * d + rnd.nextGaussian() * 0.01 * GB;
            rssAll[i] = rss;
            double pg = 2.1 * GB + 0.3 * GB * busy(t[i]) + rnd.nextGaussian() * 0.02 * GB;
            postgres[i] = pg;
            double other = 3.2 * GB + 1.1 * GB * busy(t[i]) + rnd.nextGaussian() * 0.08 * GB;
            avail[i] = Math.max(0.05 * GB, total - rss - pg - other);
        }
        cut(t, rssAll, segStart, t.length, pidTimes, pidValues);
        out.add(series("mem.total_bytes", new String[0], t, constant(t.length, total)));
        out.add(series("mem.available_bytes", new String[0], t, avail));
        int pid = 31_412;
        for (int k = 0; k < pidTimes.size(); k++) {
            out.add(new Series(SeriesKey.of("proc.rss_bytes", "name", "billing-api", "pid", Integer.toString(pid)),
                    pidTimes.get(k), pidValues.get(k)));
            pid += 1_713;
        }
        out.add(series("proc.rss_bytes", new String[] {"name", "postgres", "pid", "1187"}, t, postgres));
    }

    private static void cut(long[] t, double[] v, int from, int to, List<long[]> times, List<double[]> values) {
        times.add(java.util.Arrays.copyOfRange(t, from, to));
        values.add(java.util.Arrays.copyOfRange(v, from, to));
    }

    private static void smart(long[] t, long end, SplittableRandom rnd, List<Series> out) {
        double[] realloc = new double[t.length];
        double[] temp = new double[t.length];
        double count = 0;
        for (int i = 0; i < t.length; i++) {
            double daysBeforeEnd = (end - t[i]) / DAY;
            // nothing for months, then remaps in bursts of 8 that come more and more often
            if (daysBeforeEnd < 50) {
                double rate = 0.15 + 0.06 * (50 - daysBeforeEnd);
                if (rnd.nextDouble() < rate * STEP_MILLIS / DAY) {
                    count += 8;
                }
            }
            realloc[i] = count;
            temp[i] = Math.round(36 + 4 * busy(t[i]) + rnd.nextGaussian() * 0.7);
        }
        String[] sda = {"disk", "sda"};
        out.add(series("smart.reallocated_sectors", sda, t, realloc));
        out.add(series("smart.temperature_celsius", sda, t, temp));
        out.add(series("smart.healthy", sda, t, constant(t.length, 1)));
    }

    private static void load(long[] t, SplittableRandom rnd, List<Series> out) {
        double[] l15 = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            l15[i] = Math.max(0.05, 0.4 + 2.2 * busy(t[i]) + rnd.nextGaussian() * 0.1);
        }
        out.add(series("cpu.load15", new String[0], t, l15));
        out.add(series("cpu.cores", new String[0], t, constant(t.length, 8)));
    }

    /** Office-hours traffic: 0 at night, 1 at 14:00 UTC on weekdays, less at weekends. */
    static double busy(long tMillis) {
        double hour = Math.floorMod(tMillis, 86_400_000L) / 3_600_000.0;
        long day = Math.floorDiv(tMillis, 86_400_000L);
        boolean weekend = Math.floorMod(day + 3, 7) >= 5;
        double shape = Math.max(0, Math.cos((hour - 14) / 24 * 2 * Math.PI));
        return (weekend ? 0.45 : 1.0) * shape * shape;
    }

    private static Series series(String name, String[] labels, long[] t, double[] v) {
        return new Series(SeriesKey.of(name, labels), t, v);
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
