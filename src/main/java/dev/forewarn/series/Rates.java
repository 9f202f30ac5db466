package dev.forewarn.series;

import java.util.Arrays;

/**
 * Turns a raw counter ({@code _total}, monotonically increasing except at a restart) into a
 * per-second rate series, the way Prometheus's {@code rate()} treats resets: a value lower than
 * the one before means the counter restarted from zero, so the new value itself is the increase.
 * Each rate point sits at the later time of its pair; NaN readings are skipped. The key gets the
 * suffix {@code _per_second} in place of {@code _total}.
 */
public final class Rates {

    private Rates() {
    }

    /** The per-second rate of a counter series; fewer than two readings give an empty series. */
    public static Series perSecond(Series counter) {
        int n = counter.size();
        long[] t = new long[Math.max(0, n - 1)];
        double[] v = new double[t.length];
        int out = 0;
        long prevT = 0;
        double prev = Double.NaN;
        for (int i = 0; i < n; i++) {
            double x = counter.value(i);
            if (Double.isNaN(x)) {
                continue;
            }
            long ti = counter.timeMillis(i);
            if (!Double.isNaN(prev)) {
                double inc = x >= prev ? x - prev : x; // reset: the counter restarted from 0
                v[out] = inc / ((ti - prevT) / 1000.0);
                t[out] = ti;
                out++;
            }
            prev = x;
            prevT = ti;
        }
        String name = counter.key().name();
        String rateName = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) + "_per_second" : name + "_per_second";
        return new Series(counter.key().withName(rateName), Arrays.copyOf(t, out), Arrays.copyOf(v, out));
    }
}
