package dev.forewarn.rules;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.Arrays;

/**
 * Turns a raw counter ({@code _total}) into its per-second rate averaged over a trailing window,
 * counting a drop as a restart whose new value is all increase (as Prometheus's {@code rate()}
 * does), so a reboot never shows as a negative rate.
 */
final class CounterRate {

    private CounterRate() {
    }

    /**
     * The rate series: at each point, the increase over the trailing window divided by the time
     * it spans, in units per second. The first point has no rate and is dropped; NaN readings are skipped.
     */
    static Series perSecond(Series counter, long windowMillis) {
        int n = counter.size();
        long[] t = new long[n];
        double[] cum = new double[n];
        int m = 0;
        double total = 0;
        double last = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = counter.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (!Double.isNaN(last)) {
                total += v >= last ? v - last : v;
            }
            last = v;
            t[m] = counter.timeMillis(i);
            cum[m] = total;
            m++;
        }
        long[] outT = new long[Math.max(0, m - 1)];
        double[] outV = new double[outT.length];
        int k = 0;
        int j = 0;
        for (int i = 1; i < m; i++) {
            while (j < i - 1 && t[j] < t[i] - windowMillis) {
                j++;
            }
            double seconds = (t[i] - t[j]) / 1000.0;
            outT[k] = t[i];
            outV[k] = (cum[i] - cum[j]) / seconds;
            k++;
        }
        String name = counter.key().name();
        // Renamed so that nobody (the forecaster included) takes the rate for a counter again.
        SeriesKey key = counter.key().withName(name.endsWith("_total")
                ? name.substring(0, name.length() - "_total".length()) + "_per_second" : name + "_per_second");
        return new Series(key, Arrays.copyOf(outT, k), Arrays.copyOf(outV, k));
    }
}
