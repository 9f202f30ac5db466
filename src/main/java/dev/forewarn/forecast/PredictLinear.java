package dev.forewarn.forecast;

import dev.forewarn.series.Series;

/**
 * The baseline forewarn is measured against: Prometheus 2.x {@code predict_linear(v[w], h)} and
 * the node-mixin alert {@code NodeFilesystemSpaceFillingUp} built on it, reimplemented exactly.
 *
 * <p>{@code predict_linear}: the samples with timestamps in {@code [t−w, t]} (both ends
 * included, as in Prometheus 2.x; NaN readings, which Prometheus would not have stored as
 * samples, are skipped), x = (sample time − t) in seconds, ordinary least squares with the sums
 * accumulated by Kahan–Neumaier compensation as Prometheus does; result intercept + slope·h.
 * Fewer than two samples give no result (NaN). A constant series gives slope 0.
 *
 * <p>The node-mixin rule (warning): {@code avail/size·100 < 40 and predict_linear(avail[6h], 24h) < 0},
 * for 1h; critical: {@code < 20} and {@code predict_linear(avail[6h], 4h) < 0}, for 1h. Instant
 * values use Prometheus's default 5-minute lookback. "For 1h" means the condition held at every
 * rule evaluation in the last hour (Prometheus's pending state).
 */
public final class PredictLinear {

    /** Prometheus's default lookback for an instant vector. */
    public static final long LOOKBACK_MILLIS = 5 * 60_000L;

    /**
     * One variant of the node-mixin rule.
     *
     * @param name          alert severity name
     * @param maxFreePct    the free share below which the rule may fire, percent
     * @param windowMillis  predict_linear range
     * @param aheadSeconds  predict_linear horizon, seconds
     * @param forMillis     how long the condition must hold before the alert fires
     */
    public record NodeMixinRule(String name, double maxFreePct, long windowMillis, double aheadSeconds, long forMillis) {
    }

    /** {@code NodeFilesystemSpaceFillingUp}, severity warning. */
    public static final NodeMixinRule WARNING = new NodeMixinRule("warning", 40, 6 * 3_600_000L, 24 * 3600, 3_600_000L);
    /** {@code NodeFilesystemSpaceFillingUp}, severity critical. */
    public static final NodeMixinRule CRITICAL = new NodeMixinRule("critical", 20, 6 * 3_600_000L, 4 * 3600, 3_600_000L);

    private PredictLinear() {
    }

    /** {@code predict_linear(v[window], aheadSeconds)} evaluated at {@code tMillis}; NaN with fewer than two samples. */
    public static double predict(Series v, long tMillis, long windowMillis, double aheadSeconds) {
        double[] r = regression(v, tMillis, windowMillis);
        return r == null ? Double.NaN : r[0] * aheadSeconds + r[1];
    }

    /**
     * Where the least-squares line over {@code [at - windowMillis, at]} meets the threshold, epoch
     * milliseconds: {@code at} when its value at {@code at} is already there, null when it points
     * away, has too few samples, or meets it more than {@code horizonMillis} after {@code at}.
     */
    public static Long lineEtaMillis(Series v, long at, long windowMillis, double threshold, Direction d, long horizonMillis) {
        double[] r = regression(v, at, windowMillis);
        if (r == null) {
            return null;
        }
        double slope = r[0];
        double level = r[1];
        double sign = d == Direction.UP ? 1 : -1;
        if (sign * (level - threshold) >= 0) {
            return at;
        }
        if (sign * slope <= 0) {
            return null;
        }
        double millis = (threshold - level) / slope * 1000;
        return millis > horizonMillis ? null : at + Math.round(millis);
    }

    /**
     * The least-squares line predict_linear uses: {slope per second, intercept at t}, or null
     * with fewer than two samples (or an infinite constant).
     */
    public static double[] regression(Series v, long tMillis, long windowMillis) {
        int from = v.lowerBound(tMillis - windowMillis);
        int to = v.lowerBound(tMillis + 1);
        int n = 0;
        double sumX = 0, cX = 0, sumY = 0, cY = 0, sumXY = 0, cXY = 0, sumX2 = 0, cX2 = 0;
        double initY = Double.NaN;
        boolean constY = true;
        for (int i = from; i < to; i++) {
            double y = v.value(i);
            if (Double.isNaN(y)) {
                continue;
            }
            if (n == 0) {
                initY = y;
            } else if (y != initY) {
                constY = false;
            }
            n++;
            double x = (v.timeMillis(i) - tMillis) / 1e3;
            double[] k;
            k = kahan(x, sumX, cX);
            sumX = k[0];
            cX = k[1];
            k = kahan(y, sumY, cY);
            sumY = k[0];
            cY = k[1];
            k = kahan(x * y, sumXY, cXY);
            sumXY = k[0];
            cXY = k[1];
            k = kahan(x * x, sumX2, cX2);
            sumX2 = k[0];
            cX2 = k[1];
        }
        if (n < 2) {
            return null;
        }
        if (constY) {
            return Double.isInfinite(initY) ? null : new double[] {0, initY};
        }
        sumX += cX;
        sumY += cY;
        sumXY += cXY;
        sumX2 += cX2;
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        double intercept = sumY / n - slope * sumX / n;
        return new double[] {slope, intercept};
    }

    /** Kahan–Neumaier increment, as in Prometheus's kahanSumInc: returns {sum, compensation}. */
    private static double[] kahan(double inc, double sum, double c) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            c = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            c += (sum - t) + inc;
        } else {
            c += (inc - t) + sum;
        }
        return new double[] {t, c};
    }

    /** The instant value at t: the latest sample within the lookback, or NaN. */
    public static double instant(Series v, long tMillis) {
        int i = v.lowerBound(tMillis + 1) - 1;
        while (i >= 0 && v.timeMillis(i) >= tMillis - LOOKBACK_MILLIS) {
            if (!Double.isNaN(v.value(i))) {
                return v.value(i);
            }
            i--;
        }
        return Double.NaN;
    }

    /** The rule's expression at one evaluation: free share below the limit and the prediction below zero. */
    public static boolean conditionAt(NodeMixinRule rule, Series avail, Series size, long tMillis) {
        double a = instant(avail, tMillis);
        double s = instant(size, tMillis);
        if (Double.isNaN(a) || Double.isNaN(s) || s <= 0 || !(a / s * 100 < rule.maxFreePct())) {
            return false;
        }
        return predict(avail, tMillis, rule.windowMillis(), rule.aheadSeconds()) < 0;
    }

    /**
     * The same rule written for any series and threshold (used bytes up to size, a rate up to a
     * limit): {@code predict_linear(v[6h], 24h)} at or beyond the threshold. There is no
     * free-share gate because there is no size to divide by.
     */
    public static boolean conditionAt(NodeMixinRule rule, Series v, double threshold, Direction direction, long tMillis) {
        double p = predict(v, tMillis, rule.windowMillis(), rule.aheadSeconds());
        if (Double.isNaN(p)) {
            return false;
        }
        return direction == Direction.UP ? p >= threshold : p <= threshold;
    }

    /** True when a condition held at every evaluation, every {@code evalMillis}, over the rule's "for" span ending at t. */
    public static boolean firing(NodeMixinRule rule, java.util.function.LongPredicate condition, long tMillis, long evalMillis) {
        for (long e = tMillis; e >= tMillis - rule.forMillis(); e -= evalMillis) {
            if (!condition.test(e)) {
                return false;
            }
        }
        return true;
    }
}
