package dev.forewarn.report;

import dev.forewarn.forecast.Projection;

/**
 * The fitted trend and its interval fan as drawable paths, in the series' unit at epoch
 * milliseconds. Derived from the {@link Projection} alone, so it is exactly consistent with the
 * dates the report prints: the trend line has the fit's slope and passes through the threshold
 * at {@code eta}; the fan opens at the evaluation time from the trend's value there and its
 * edges reach the threshold at {@code eta_low} and {@code eta_high}.
 *
 * @param timesMillis epoch milliseconds, increasing
 * @param fitted      the trend at each time
 * @param low         the pessimistic edge of the fan (reaches the threshold first), NaN before the evaluation time
 * @param high        the optimistic edge, NaN before the evaluation time
 */
public record TrendPath(long[] timesMillis, double[] fitted, double[] low, double[] high) {

    private static final double DAY_MILLIS = 86_400_000.0;

    /** No trend to draw (no fit). */
    public static TrendPath none() {
        return new TrendPath(new long[0], new double[0], new double[0], new double[0]);
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return timesMillis.length == 0;
    }

    /**
     * The paths for a projection, from the fit's first point to {@code endMillis}
     * (beyond the crossing, so the chart shows it).
     */
    public static TrendPath of(Projection p, long endMillis) {
        if (p.fit() == null || p.value() == null) {
            return none();
        }
        double slopePerMilli = p.fit().slopePerDay() / DAY_MILLIS;
        long at = p.atMillis();
        // anchor so the line is the one whose crossing the report prints
        double atValue = p.etaMillis() != null
                ? p.threshold() + slopePerMilli * (at - p.etaMillis())
                : p.value();
        long from = Math.min(p.fit().fromMillis(), at);
        long end = Math.max(endMillis, at + 1);
        int n = 64;
        long[] t = new long[n + 1];
        double[] fitted = new double[n + 1];
        double[] low = new double[n + 1];
        double[] high = new double[n + 1];
        // one point exactly at the evaluation time so the fan opens there
        int atIndex = (int) Math.max(1, Math.min(n - 1, Math.round(n * (double) (at - from) / (end - from))));
        for (int i = 0; i <= n; i++) {
            long ti = i <= atIndex
                    ? from + Math.round((double) (at - from) * i / atIndex)
                    : at + Math.round((double) (end - at) * (i - atIndex) / (n - atIndex));
            t[i] = ti;
            fitted[i] = atValue + slopePerMilli * (ti - at);
            if (ti < at) {
                low[i] = Double.NaN;
                high[i] = Double.NaN;
            } else {
                double a = edge(p, atValue, p.etaLowMillis(), slopePerMilli, ti, true);
                double b = edge(p, atValue, p.etaHighMillis(), slopePerMilli, ti, false);
                low[i] = Math.min(a, b);
                high[i] = Math.max(a, b);
            }
        }
        return new TrendPath(t, fitted, low, high);
    }

    /** One fan edge: through (at, atValue) and (bound, threshold); without a bound, a flat or steeper line. */
    private static double edge(Projection p, double atValue, Long boundMillis, double slopePerMilli, long t, boolean early) {
        long at = p.atMillis();
        if (boundMillis != null && boundMillis > at) {
            double s = (p.threshold() - atValue) / (boundMillis - at);
            return atValue + s * (t - at);
        }
        if (early) {
            return atValue + slopePerMilli * (t - at);
        }
        // the late bound lies beyond the horizon: the optimistic edge stays at today's value
        return atValue;
    }
}
