package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Backtest;
import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * Synthetic file systems with a known true crossing, for the accuracy benchmark and tests. Each
 * is free space ({@code fs.avail_bytes}, threshold 0, direction down) of a 100 GB file system
 * (200 GB after the resize), sampled every 10 minutes with Gaussian noise. The truth is where
 * the noise-free signal first reaches 0; "quiet" cases never reach it. Seeds are fixed, so the
 * figures are reproducible.
 */
public final class Scenarios {

    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    static final long STEP = 10 * 60_000L;
    static final double GB = 1e9;
    /** 2026-01-05T00:00:00Z, a Monday: rotations fall on Sunday nights. */
    static final long T0 = 1_767_571_200_000L;

    /** What kind of case: a fill (lead time and ETA error count) or quiet (only false alarms count). */
    public enum Kind { FILL, QUIET }

    /** A case and its kind. */
    public record Scenario(String name, Kind kind, Backtest.Case backtestCase) {
    }

    private Scenarios() {
    }

    /** Every synthetic case, in table order. */
    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        double d = DAY;
        out.add(fill("linear fill", 1, 60 * DAY, 0.15 * GB, t -> 60 * GB - GB * t / d, null));
        out.add(fill("weekly rotation fill", 2, 110 * DAY, 0.1 * GB, t -> {
            double days = t / d;
            long weeks = (long) Math.floor((t + 0.0) / (7 * DAY) + 1e-9);
            return 60 * GB - 3 * GB * days + 17.5 * GB * weeks;
        }, null));
        out.add(quiet("nightly burst", 3, 45 * DAY, 0.1 * GB, t -> {
            double hourOfDay = (t % DAY) / (double) HOUR;
            double burst = hourOfDay >= 1 && hourOfDay < 3 ? 15 * GB * (hourOfDay - 1) / 2 : 0;
            return 35 * GB - 0.02 * GB * t / d - burst;
        }));
        out.add(quiet("flat noise", 4, 45 * DAY, 0.4 * GB, t -> 30 * GB));
        out.add(quiet("daily log rotation", 5, 45 * DAY, 0.1 * GB, t -> {
            // The application writes 8 GB of logs between 08:00 and 12:00; logrotate frees them at midnight.
            double hourOfDay = (t % DAY) / (double) HOUR;
            double written = hourOfDay < 8 ? 0 : hourOfDay < 12 ? 8 * GB * (hourOfDay - 8) / 4 : 8 * GB;
            return 12.5 * GB - written;
        }));
        out.add(fill("accelerating leak", 6, 60 * DAY, 0.2 * GB, t -> {
            double days = t / d;
            return 50 * GB - 0.5 * GB * days - 0.02 * GB * days * days;
        }, null));
        out.add(fill("daily-seasonal fill", 7, 60 * DAY, 0.15 * GB, t -> {
            double days = t / d;
            return 50 * GB - GB * days - 4 * GB * Math.sin(2 * Math.PI * days);
        }, null));
        out.add(fill("resize adds capacity", 8, 70 * DAY, 0.15 * GB, t -> {
            double days = t / d;
            return 20 * GB - 2 * GB * days + (days >= 8 ? 100 * GB : 0);
        }, t -> t / d >= 8 ? 200 * GB : 100 * GB));
        return out;
    }

    private static Scenario fill(String name, long seed, long spanMillis, double noise, LongToDoubleFunction signal, LongToDoubleFunction size) {
        Long truth = firstZero(signal, spanMillis + 365 * DAY);
        long end = truth == null ? T0 + spanMillis : truth;
        return build(name, Kind.FILL, seed, end, noise, signal, size, truth);
    }

    private static Scenario quiet(String name, long seed, long spanMillis, double noise, LongToDoubleFunction signal) {
        return build(name, Kind.QUIET, seed, T0 + spanMillis, noise, signal, null, firstZero(signal, spanMillis));
    }

    private static Scenario build(String name, Kind kind, long seed, long end, double noise, LongToDoubleFunction signal,
                                  LongToDoubleFunction size, Long truth) {
        int n = (int) ((end - T0) / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        double[] sz = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * STEP;
            v[i] = signal.applyAsDouble(t[i] - T0) + noise * gaussian(rnd);
            sz[i] = size == null ? 100 * GB : size.applyAsDouble(t[i] - T0);
        }
        SeriesKey key = SeriesKey.of("fs.avail_bytes", "mount", "/" + name.replace(' ', '-'));
        Series s = new Series(key, t, v);
        Series size1 = new Series(key.withName("fs.size_bytes"), t, sz);
        long from = T0 + (name.startsWith("resize") ? 8 * DAY : DAY);
        long to = truth == null ? end : truth - STEP;
        long step = 5 * HOUR; // not a divisor of a day: origins visit every hour of the day
        Backtest.Case c = new Backtest.Case(name, s, size1, 0, Direction.DOWN, at -> truth != null && truth > at ? truth : null,
                kind == Kind.QUIET ? Long.MAX_VALUE : end, from, to, step);
        return new Scenario(name, kind, c);
    }

    /** Where the noise-free signal first reaches 0, to the minute; null if not within the span. */
    static Long firstZero(LongToDoubleFunction signal, long spanMillis) {
        for (long t = 0; t <= spanMillis; t += 60_000L) {
            if (signal.applyAsDouble(t) <= 0) {
                return T0 + t;
            }
        }
        return null;
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
