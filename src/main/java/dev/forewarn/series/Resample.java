package dev.forewarn.series;

import java.util.Arrays;

/**
 * Resampling onto a regular grid: each bucket {@code [k·step, (k+1)·step)} (epoch milliseconds,
 * aligned to the epoch) becomes one point at the bucket's mean time carrying the mean of its
 * finite values. Empty buckets are left out rather than invented.
 */
public final class Resample {

    private Resample() {
    }

    /** Bucket means with the given step in milliseconds; a step of 0 or less returns the series unchanged. */
    public static Series mean(Series s, long stepMillis) {
        if (stepMillis <= 0 || s.isEmpty()) {
            return s;
        }
        long[] t = new long[s.size()];
        double[] v = new double[s.size()];
        int out = 0;
        long bucket = Long.MIN_VALUE;
        double sumT = 0;
        double sumV = 0;
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            double x = s.value(i);
            if (Double.isNaN(x)) {
                continue;
            }
            long b = Math.floorDiv(s.timeMillis(i), stepMillis);
            if (b != bucket && count > 0) {
                t[out] = Math.round(sumT / count);
                v[out++] = sumV / count;
                sumT = 0;
                sumV = 0;
                count = 0;
            }
            bucket = b;
            sumT += s.timeMillis(i);
            sumV += x;
            count++;
        }
        if (count > 0) {
            t[out] = Math.round(sumT / count);
            v[out++] = sumV / count;
        }
        // Mean times are strictly increasing because the buckets are disjoint and ordered.
        return new Series(s.key(), Arrays.copyOf(t, out), Arrays.copyOf(v, out));
    }

    /** A step that leaves at most {@code maxPoints} buckets over the series' span, rounded up to a whole minute. */
    public static long stepFor(Series s, int maxPoints) {
        if (s.size() <= maxPoints) {
            return 0;
        }
        long raw = (s.spanMillis() + maxPoints - 1) / maxPoints;
        return Math.max(60_000L, ((raw + 59_999L) / 60_000L) * 60_000L);
    }
}
