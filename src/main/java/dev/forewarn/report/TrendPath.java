package dev.forewarn.report;

import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;

/**
 * The fitted trend and its interval fan as drawable paths, in the series' unit at epoch
 * milliseconds.
 *
 * <p>The forecast engine publishes a projection's facts, not its path, so the path is rebuilt
 * from the facts the report prints, and is exactly consistent with them: it starts at the
 * series' level now (the median of the last day, moved to the evaluation time along the fitted
 * slope, so a daily cycle's trough or peak does not bend it), leaves it with the fitted slope,
 * and reaches the threshold at {@code eta} (a parabola through those three constraints, so an
 * accelerating leak is drawn curved and a steady fill straight). The fan's edges are the same
 * curve run faster or slower so that they reach the threshold at {@code eta_low} and
 * {@code eta_high}. Over the past the curve is drawn only where it keeps the trend's direction
 * and stays within the measured range: a guide to the eye, not a second fit.
 *
 * @param timesMillis epoch milliseconds, increasing
 * @param fitted      the trend at each time
 * @param low         the lower edge of the fan, NaN before the evaluation time
 * @param high        the upper edge of the fan, NaN before the evaluation time
 */
public record TrendPath(long[] timesMillis, double[] fitted, double[] low, double[] high) {

    private static final double DAY_MILLIS = 86_400_000.0;
    private static final int STEPS = 80;

    /** No trend to draw (no fit). */
    public static TrendPath none() {
        return new TrendPath(new long[0], new double[0], new double[0], new double[0]);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return timesMillis.length == 0;
    }

    /** The paths for a projection over its history, from the fit's first point to {@code endMillis}. */
    public static TrendPath of(Projection p, Series history, long endMillis) {
        if (p.fit() == null || p.value() == null || !Double.isFinite(p.fit().slopePerDay())) {
            return none();
        }
        long at = p.atMillis();
        double s = p.fit().slopePerDay();
        double v0 = level(history, at, s, p.value());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.size(); i++) {
            double v = history.value(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double c = 0;
        Long eta = p.etaMillis();
        if (eta != null && eta > at) {
            double e = (eta - at) / DAY_MILLIS;
            c = (p.threshold() - v0 - s * e) / (e * e);
            double vertex = c == 0 ? Double.NaN : -s / (2 * c);
            if (vertex > 0 && vertex < e) {
                // the parabola would turn and cross early: fall back to the straight line to the crossing
                s = (p.threshold() - v0) / e;
                c = 0;
            }
        }
        final double slope = s;
        final double curve = c;
        java.util.function.DoubleUnaryOperator path = d -> v0 + slope * d + curve * d * d;

        long from = Math.min(p.fit().fromMillis(), at);
        long end = Math.max(endMillis, at + 1);
        int atIndex = (int) Math.max(1, Math.min(STEPS - 1, Math.round(STEPS * (double) (at - from) / (end - from))));
        long[] t = new long[STEPS + 1];
        double[] fitted = new double[STEPS + 1];
        double[] low = new double[STEPS + 1];
        double[] high = new double[STEPS + 1];
        double scaleLow = scale(p, p.etaLowMillis());
        double scaleHigh = scale(p, p.etaHighMillis());
        for (int i = 0; i <= STEPS; i++) {
            // one point exactly at the evaluation time so the fan opens there
            long ti = i <= atIndex
                    ? from + Math.round((double) (at - from) * i / atIndex)
                    : at + Math.round((double) (end - at) * (i - atIndex) / (STEPS - atIndex));
            t[i] = ti;
            double d = (ti - at) / DAY_MILLIS;
            fitted[i] = path.applyAsDouble(d);
            // in the past, only the stretch that keeps the trend's direction and the measured range
            boolean turned = curve != 0 && d < -slope / (2 * curve) && -slope / (2 * curve) < 0;
            if (ti < at && (turned || !(fitted[i] >= lo && fitted[i] <= hi))) {
                fitted[i] = Double.NaN;
            }
            if (ti < at) {
                low[i] = Double.NaN;
                high[i] = Double.NaN;
            } else {
                double a = Double.isNaN(scaleLow) ? fitted[i] : path.applyAsDouble(d * scaleLow);
                double b = Double.isNaN(scaleHigh) ? (eta == null ? fitted[i] : v0) : path.applyAsDouble(d * scaleHigh);
                low[i] = Math.min(a, b);
                high[i] = Math.max(a, b);
            }
        }
        return new TrendPath(t, fitted, low, high);
    }

    /** The level at the evaluation time: the last day's median, moved to {@code at} along the slope. */
    static double level(Series h, long at, double slopePerDay, double fallback) {
        Series day = h.between(at - 86_400_000L, at);
        double[] v = java.util.Arrays.stream(day.values()).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length < 3) {
            return fallback;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double meanTime = 0;
        for (long t : day.timesMillis()) {
            meanTime += (double) (at - t) / day.size();
        }
        return median + slopePerDay * meanTime / DAY_MILLIS;
    }

    /** How much faster (over 1) or slower the curve must run to reach the threshold at the bound instead of the eta. */
    private static double scale(Projection p, Long boundMillis) {
        if (p.etaMillis() == null || boundMillis == null || boundMillis <= p.atMillis() || p.etaMillis() <= p.atMillis()) {
            return Double.NaN;
        }
        return (double) (p.etaMillis() - p.atMillis()) / (boundMillis - p.atMillis());
    }
}
