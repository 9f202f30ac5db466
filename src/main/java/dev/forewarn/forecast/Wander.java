package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import java.util.function.DoubleUnaryOperator;

/**
 * A rate that wanders from week to week, seen in the series itself rather than in past forecast
 * errors. The daily means of the fit window, less the fitted mean path, are compared a day apart
 * and a week apart (half the mean square difference: the variogram at 1 and 7 days). Noise,
 * and a daily or weekly cycle the path misses, stray as far in a day as in a week; a rate that
 * runs above or below its trend for days strays further in a week. Such a series' past
 * forecast errors share one or two of those excursions (all of one sign) and calibrate its
 * spread too narrow, so its random walk is given a floor that the calibration does not narrow.
 */
final class Wander {

    /** Days between the daily means compared for the week's stray. */
    static final int LAG_DAYS = 7;
    /** A window shorter than this many whole days is not judged (fewer than 7 pairs a week apart). */
    static final int MIN_DAYS = 2 * LAG_DAYS;
    /** A rate wanders when the week's stray is at least this many times the day's (noise strays alike at both). */
    static final double WEEK_OVER_DAY = 3;
    /** ... and is at least this share of a day's consumption, squared (a stray of a third of a day's fill). */
    static final double MIN_STRAY_DAYS_SQUARED = 0.1;
    /**
     * The floor's sd is this many times the week's stray read as a random walk: a rate that
     * stays off for days moves the level further over weeks than a walk of independent days with
     * the same week's stray, and the fit absorbs part of the stray it was fitted on. With the
     * calibration asking ⌈c·n⌉ of n past errors inside, the drifting-rate family's 80 % intervals
     * beyond 14 days held 68.4 % of first touches at ×2 and 70.7 % at ×2.5 (60 draws; another
     * seed's 60: 72.8 %); no other family's series wander. Since a curve's fits are judged
     * only on past fits as long as the present one where the rate does not wander, ×2.5 gave
     * 69.3 %, ×2.75 70.3 %.
     */
    static final double STRAY_TO_WALK = 2.75;

    private static final long DAY_MILLIS = 86_400_000L;

    private Wander() {
    }

    /**
     * The floor for the random walk of {@code s} (units per √day), judged over the whole days of
     * the last {@code windowDays} before {@code atMillis} against {@code mean} (the mean path,
     * value at x days after {@code atMillis}); 0 when the rate does not wander, the window is too
     * short or a day has no point.
     *
     * @param slopePerDay the fitted rate, units per day: the stray is judged against a day's consumption
     */
    static double walkFloor(Series s, long atMillis, double windowDays, DoubleUnaryOperator mean, double slopePerDay) {
        int days = (int) Math.floor(Math.min(windowDays, ForecastEngine.MAX_WINDOW_DAYS));
        if (days < MIN_DAYS || !(Math.abs(slopePerDay) > 0)) {
            return 0;
        }
        // Days counted back from the evaluation time, not Resample.mean's epoch-aligned buckets: whole days only,
        // and a day without a point must be seen (the pairs a week apart are taken by index).
        long start = atMillis - days * DAY_MILLIS;
        double[] sum = new double[days];
        int[] count = new int[days];
        Series w = s.between(start, atMillis);
        for (int i = 0; i < w.size(); i++) {
            int j = (int) ((w.timeMillis(i) - start) / DAY_MILLIS);
            if (j >= 0 && j < days) {
                sum[j] += w.value(i);
                count[j]++;
            }
        }
        double[] off = new double[days];
        for (int j = 0; j < days; j++) {
            if (count[j] == 0) {
                return 0;
            }
            // the day's mean less the path's value at the day's middle
            off[j] = sum[j] / count[j] - mean.applyAsDouble(j + 0.5 - days);
        }
        double week = variogram(off, LAG_DAYS);
        if (!(week >= WEEK_OVER_DAY * variogram(off, 1)) || week < MIN_STRAY_DAYS_SQUARED * slopePerDay * slopePerDay) {
            return 0;
        }
        return STRAY_TO_WALK * Math.sqrt(2 * week / LAG_DAYS);
    }

    /** Half the mean square difference of values {@code lag} apart (units²). */
    static double variogram(double[] v, int lag) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j + lag < v.length; j++) {
            double d = v[j + lag] - v[j];
            sum += d * d / 2;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
