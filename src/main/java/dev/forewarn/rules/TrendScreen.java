package dev.forewarn.rules;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;

/**
 * A cheap screen before the full forecast, so that a check over hundreds of healthy series stays
 * well under a second: the fastest pace at which the series moved toward its threshold on any
 * single day of the recent history. If even that pace, kept up without pause, would need more
 * than {@link #MARGIN} times the rule's horizon to reach the threshold, no forecast can honestly
 * put the crossing inside the horizon, and the full forecast is skipped. A fill that happens in
 * bursts between cleanups still shows its fill days here, so sawtooth series are not screened out;
 * a weekly step shows as its day's pace (the screen looks eight days back); and a threshold within
 * the series' own recent range ({@link #swing}) is never screened out, since noise or the daily
 * cycle alone may touch it.
 */
final class TrendScreen {

    /** How far beyond the horizon the fastest pace must leave the crossing to skip the forecast. */
    static final double MARGIN = 2.0;
    private static final long DAY = 86_400_000L;
    /** A day bucket shorter than this (the first and last, partly filled) says too little about pace. */
    private static final long MIN_BUCKET_MILLIS = 3_600_000L;

    private TrendScreen() {
    }

    /**
     * The fastest approach toward the threshold, in series units per millisecond, over calendar-day
     * buckets (UTC) and over the whole span; 0 or less when nothing moved toward it.
     */
    static double fastestApproachPerMilli(Series s, Direction dir) {
        double sign = dir == Direction.UP ? 1 : -1;
        double best = Double.NEGATIVE_INFINITY;
        int first = -1;
        long bucket = Long.MIN_VALUE;
        int firstFinite = -1;
        int lastFinite = -1;
        for (int i = 0; i <= s.size(); i++) {
            long b = i < s.size() ? Math.floorDiv(s.timeMillis(i), DAY) : Long.MAX_VALUE;
            if (i < s.size() && Double.isNaN(s.value(i))) {
                continue;
            }
            if (b != bucket) {
                if (first >= 0) {
                    best = Math.max(best, pace(s, first, lastFinite, sign, MIN_BUCKET_MILLIS));
                }
                first = i;
                bucket = b;
            }
            if (i < s.size()) {
                lastFinite = i;
                if (firstFinite < 0) {
                    firstFinite = i;
                }
            }
        }
        if (firstFinite >= 0) {
            best = Math.max(best, pace(s, firstFinite, lastFinite, sign, 1));
        }
        return best == Double.NEGATIVE_INFINITY ? 0 : best;
    }

    /** The series' own recent range (maximum minus minimum of its finite values), 0 when empty. */
    static double swing(Series s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi >= lo ? hi - lo : 0;
    }

    private static double pace(Series s, int from, int to, double sign, long minMillis) {
        if (from < 0 || to <= from || to >= s.size()) {
            return Double.NEGATIVE_INFINITY;
        }
        long dt = s.timeMillis(to) - s.timeMillis(from);
        if (dt < minMillis) {
            return Double.NEGATIVE_INFINITY;
        }
        return sign * (s.value(to) - s.value(from)) / dt;
    }
}
