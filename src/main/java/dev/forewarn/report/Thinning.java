package dev.forewarn.report;

import dev.forewarn.series.Series;
import java.util.Arrays;

/**
 * Thins a series for drawing: per time bucket the lowest and the highest point, in time order,
 * so a chart of a year of minute samples keeps every cleanup and every spike while drawing a
 * few hundred points. (Largest-triangle methods keep shape but can drop the extreme a
 * capacity chart is about.)
 */
final class Thinning {

    private Thinning() {
    }

    static Series minMax(Series s, int buckets) {
        if (s.size() <= 2L * buckets) {
            return s;
        }
        long from = s.firstMillis();
        double width = (double) (s.lastMillis() - from + 1) / buckets;
        long[] t = new long[2 * buckets + 2];
        double[] v = new double[t.length];
        int n = 0;
        int i = 0;
        for (int b = 0; b < buckets && i < s.size(); b++) {
            long end = from + (long) Math.ceil((b + 1) * width);
            int lo = -1;
            int hi = -1;
            for (; i < s.size() && s.timeMillis(i) < end; i++) {
                double x = s.value(i);
                if (Double.isNaN(x)) {
                    continue;
                }
                if (lo < 0 || x < s.value(lo)) {
                    lo = i;
                }
                if (hi < 0 || x > s.value(hi)) {
                    hi = i;
                }
            }
            if (lo < 0) {
                continue;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            t[n] = s.timeMillis(first);
            v[n++] = s.value(first);
            if (second != first) {
                t[n] = s.timeMillis(second);
                v[n++] = s.value(second);
            }
        }
        return new Series(s.key(), Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
}
