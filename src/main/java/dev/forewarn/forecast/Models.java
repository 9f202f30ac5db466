package dev.forewarn.forecast;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The trend models, each fitted to the first {@code to} points of a {@link Window}. Linear
 * models fit one slope across segments (pairs or deviations are taken within a segment) and take
 * their level from the last segment, so a cleanup changes the level without bending the slope.
 * A model that does not apply (too few points, too short a span) returns null.
 */
final class Models {

    static final int MIN_POINTS = 6;

    private Models() {
    }

    static FittedModel fit(FittedModel.Model m, Window w, int to) {
        if (to < MIN_POINTS) {
            return null;
        }
        return switch (m) {
            case THEIL_SEN -> theilSen(w, to);
            case OLS -> ols(w, to);
            case QUADRATIC -> quadratic(w, to);
            case SEASONAL_DAILY -> seasonal(w, to, 1, 24, FittedModel.Model.SEASONAL_DAILY);
            case SEASONAL_WEEKLY -> seasonal(w, to, 7, 168, FittedModel.Model.SEASONAL_WEEKLY);
            case RECENT -> recent(w, to);
        };
    }

    static FittedModel theilSen(Window w, int to) {
        double[] x = slice(w.x(), to);
        double[] y = slice(w.y(), to);
        int[] seg = sliceSeg(w.segment(), to);
        double b = Robust.theilSenSlope(x, y, seg);
        if (Double.isNaN(b)) {
            return null;
        }
        double a = Robust.intercept(x, y, b, w.lastSegmentStart(to), to);
        double[] stats = residualStats(x, y, seg, b, null);
        return new FittedModel(FittedModel.Model.THEIL_SEN, d -> a + b * d, b, stats[2], stats[0], stats[1], to);
    }

    static FittedModel ols(Window w, int to) {
        int[] seg = w.segment();
        boolean oneSegment = seg[0] == seg[to - 1];
        SimpleRegression r = new SimpleRegression(oneSegment);
        double[] x = w.x();
        double[] y = w.y();
        if (oneSegment) {
            for (int i = 0; i < to; i++) {
                r.addData(x[i], y[i]);
            }
        } else {
            // One slope across segments: regress deviations from each segment's means.
            int start = 0;
            while (start < to) {
                int end = start;
                double mx = 0;
                double my = 0;
                while (end < to && seg[end] == seg[start]) {
                    mx += x[end];
                    my += y[end];
                    end++;
                }
                mx /= end - start;
                my /= end - start;
                for (int i = start; i < end; i++) {
                    r.addData(x[i] - mx, y[i] - my);
                }
                start = end;
            }
        }
        if (r.getN() < 3) {
            return null;
        }
        double b = r.getSlope();
        if (Double.isNaN(b)) {
            return null;
        }
        int ls = w.lastSegmentStart(to);
        double mx = 0;
        double my = 0;
        for (int i = ls; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        double a = my / (to - ls) - b * mx / (to - ls);
        double[] stats = residualStats(slice(x, to), slice(y, to), sliceSeg(seg, to), b, null);
        return new FittedModel(FittedModel.Model.OLS, d -> a + b * d, b, r.getSlopeStdErr(), stats[0], stats[1], to);
    }

    /** Whole days the recent trend is measured over. */
    static final int RECENT_DAYS = 7;
    /** Days over which the recent trend eases toward the window's (e-folding time). */
    static final double RECENT_EASE_DAYS = 14;

    /**
     * A rate that drifts from day to day: the trend of the last {@link #RECENT_DAYS} whole days
     * (the difference of the first and last day's medians, so a daily cycle cancels), from the
     * level those days hold, easing toward the window's robust slope with an e-folding time of
     * {@link #RECENT_EASE_DAYS} (a damped trend: a rate far from its month's average tends back to
     * it). Needs those days inside the last segment and a window three times as long.
     */
    static FittedModel recent(Window w, int to) {
        double[] x = w.x();
        double[] y = w.y();
        int ls = w.lastSegmentStart(to);
        double end = x[to - 1];
        // Whole days, at most half the window (so the model applies at every backtest origin).
        double k = Math.min(RECENT_DAYS, Math.floor((end - x[0]) / 2));
        if (k < 2 || end - x[ls] < k) {
            return null;
        }
        int r0 = w.countUpTo(end - k);
        int d1 = w.countUpTo(end - k + 1);
        int d2 = w.countUpTo(end - 1);
        if (d1 - r0 < 3 || to - d2 < 3 || to - r0 < MIN_POINTS) {
            return null;
        }
        double first = Robust.median(java.util.Arrays.copyOfRange(y, r0, d1));
        double last = Robust.median(java.util.Arrays.copyOfRange(y, d2, to));
        double br = (last - first) / (k - 1);
        FittedModel longRun = theilSen(w, to);
        if (longRun == null) {
            return null;
        }
        double bl = longRun.slopePerDay();
        double[] dev = new double[to - r0];
        for (int i = r0; i < to; i++) {
            dev[i - r0] = y[i] - br * x[i];
        }
        double ar = Robust.median(dev);
        double from = end - k;
        double tau = RECENT_EASE_DAYS;
        DoubleUnaryOperator longPath = longRun.path();
        // Before the recent days the window's own line: residuals there are judged against what fitted them.
        DoubleUnaryOperator path = d -> d < from ? longPath.applyAsDouble(d)
                : d <= end ? ar + br * d
                : ar + br * end + bl * (d - end) + (br - bl) * tau * (1 - Math.exp(-(d - end) / tau));
        return new FittedModel(FittedModel.Model.RECENT, path, br, Double.NaN, longRun.r2(), longRun.residualSd(), to);
    }

    /** Weekly harmonics fitted beside a curve (sine and cosine of the week and of its first overtones, as Prophet's weekly seasonality). */
    static final int WEEKLY_HARMONICS = 3;
    /** ... over a segment of at least this many days (two whole weeks: less, and the week's swing is mistaken for the curve). */
    static final double WEEKLY_MIN_DAYS = 14;

    /**
     * Quadratic over the last segment only: curvature across a level shift would be an artefact.
     * Over two weeks or more the week's rhythm is fitted beside it ({@link #WEEKLY_HARMONICS}
     * harmonics) and carried on by the path: a curve fitted through a weekly swing bends
     * with it (an accelerating fill with a weekly rhythm: past fits of two or three weeks erred
     * by days and made its 80 % intervals half the time left wide; ETA error 1.0 → 0.2 % of it).
     */
    static FittedModel quadratic(Window w, int to) {
        int from = w.lastSegmentStart(to);
        int n = to - from;
        // Curvature extrapolates wildly: only over a regime of several days.
        if (n < 3 * MIN_POINTS || w.x()[to - 1] - w.x()[from] < ForecastEngine.REGIME_MIN_DAYS) {
            return null;
        }
        int harmonics = w.x()[to - 1] - w.x()[from] < WEEKLY_MIN_DAYS ? 0 : WEEKLY_HARMONICS;
        // the week's phase at the evaluation time, in weeks since an epoch week began
        double phase = Math.floorMod(w.atMillis(), 7 * 86_400_000L) / (7 * 86_400_000.0);
        double[] yy = new double[n];
        double[][] xx = new double[n][2 + 2 * harmonics];
        for (int i = 0; i < n; i++) {
            double d = w.x()[from + i];
            xx[i][0] = d;
            xx[i][1] = d * d;
            weekly(phase, d, harmonics, xx[i]);
            yy[i] = w.y()[from + i];
        }
        OLSMultipleLinearRegression r = new OLSMultipleLinearRegression();
        double[] c;
        double r2;
        try {
            r.newSampleData(yy, xx);
            c = r.estimateRegressionParameters();
            r2 = r.calculateRSquared();
        } catch (RuntimeException singular) {
            return null;
        }
        double c0 = c[0];
        double c1 = c[1];
        double c2 = c[2];
        double sd = Math.sqrt(Math.max(0, r.estimateErrorVariance()));
        int k = harmonics;
        // (weekly() written out: the path is called in the simulation's hot loop, and a row a call would be garbage)
        DoubleUnaryOperator path = d -> {
            double v = c0 + c1 * d + c2 * d * d;
            for (int j = 1; j <= k; j++) {
                double theta = 2 * Math.PI * j * (phase + d / 7);
                v += c[2 * j + 1] * Math.cos(theta) + c[2 * j + 2] * Math.sin(theta);
            }
            return v;
        };
        return new FittedModel(FittedModel.Model.QUADRATIC, path, c1, Double.NaN, r2, sd, n);
    }

    /** Fills {@code row[2..]} with the cosine and sine of {@code harmonics} harmonics of the week, {@code d} days after {@code phase} (weeks). */
    private static void weekly(double phase, double d, int harmonics, double[] row) {
        for (int k = 1; k <= harmonics; k++) {
            double theta = 2 * Math.PI * k * (phase + d / 7);
            row[2 * k] = Math.cos(theta);
            row[2 * k + 1] = Math.sin(theta);
        }
    }

    /**
     * Robust trend plus a seasonal profile: the median residual per phase bin (hour of the day or
     * of the week, UTC), removed before the slope is refitted. Needs two whole periods.
     */
    static FittedModel seasonal(Window w, int to, int periodDays, int bins, FittedModel.Model model) {
        double[] x = slice(w.x(), to);
        if (x[to - 1] - x[0] < 2.0 * periodDays) {
            return null;
        }
        double[] y = slice(w.y(), to);
        int[] seg = sliceSeg(w.segment(), to);
        long periodMillis = periodDays * 86_400_000L;
        // At least two points a bin and period: on a window averaged to 70-minute means a week
        // holds exactly 144 of them, and hour-of-week bins that no point ever falls in would give
        // a profile of holes, which the residual days of other weekdays then fill twice.
        double perPeriod = to / ((x[to - 1] - x[0]) / periodDays);
        bins = (int) Math.max(4, Math.min(bins, Math.floor(perPeriod / 2)));
        int[] bin = new int[to];
        for (int i = 0; i < to; i++) {
            bin[i] = phaseBin(w.millisOf(x[i]), periodMillis, bins);
        }
        double b = Robust.theilSenSlope(x, y, seg);
        if (Double.isNaN(b)) {
            return null;
        }
        double[] profile = null;
        double[] ds = y;
        for (int pass = 0; pass < 1; pass++) {
            double[] res = new double[to];
            double a = Robust.intercept(x, ds, b, 0, to);
            for (int i = 0; i < to; i++) {
                res[i] = y[i] - a - b * x[i];
            }
            profile = profileOf(res, bin, bins);
            ds = new double[to];
            for (int i = 0; i < to; i++) {
                ds[i] = y[i] - profile[bin[i]];
            }
            b = Robust.theilSenSlope(x, ds, seg);
        }
        double slope = b;
        double a = Robust.intercept(x, ds, slope, w.lastSegmentStart(to), to);
        double[] prof = profile;
        int nBins = bins;
        long at = w.atMillis();
        DoubleUnaryOperator path = d -> a + slope * d + prof[phaseBin(at + Math.round(d * Window.DAY_MILLIS), periodMillis, nBins)];
        double[] stats = residualStats(x, y, seg, slope, i -> prof[bin[i]]);
        return new FittedModel(model, path, slope, stats[2], stats[0], stats[1], to);
    }

    /**
     * The median of the residuals {@code res} (series units) in each of {@code bins} phase bins
     * ({@code bin[i]} is point i's), less the bins' mean; an empty bin takes its nearest filled
     * neighbour's value.
     */
    static double[] profileOf(double[] res, int[] bin, int bins) {
        int[] count = new int[bins];
        for (int b : bin) {
            count[b]++;
        }
        double[][] byBin = new double[bins][];
        for (int k = 0; k < bins; k++) {
            byBin[k] = new double[count[k]];
        }
        int[] fill = new int[bins];
        for (int i = 0; i < res.length; i++) {
            byBin[bin[i]][fill[bin[i]]++] = res[i];
        }
        double[] p = new double[bins];
        double mean = 0;
        int used = 0;
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                p[k] = Robust.median(byBin[k]);
                mean += p[k];
                used++;
            }
        }
        mean = used == 0 ? 0 : mean / used;
        for (int k = 0; k < bins; k++) {
            p[k] = count[k] > 0 ? p[k] - mean : 0;
        }
        // An empty bin takes its nearest filled neighbour's value (earlier first), not the mean.
        for (int k = 0; k < bins; k++) {
            if (count[k] == 0 && used > 0) {
                for (int off = 1; off < bins; off++) {
                    int before = Math.floorMod(k - off, bins);
                    int after = (k + off) % bins;
                    if (count[before] > 0 || count[after] > 0) {
                        p[k] = count[before] > 0 ? p[before] : p[after];
                        break;
                    }
                }
            }
        }
        return p;
    }

    static int phaseBin(long millis, long periodMillis, int bins) {
        return (int) (Math.floorMod(millis, periodMillis) * bins / periodMillis);
    }

    /**
     * R², residual standard deviation and an approximate slope standard error of a one-slope
     * fit with per-segment median levels; {@code season} (may be null) is subtracted first.
     */
    private static double[] residualStats(double[] x, double[] y, int[] seg, double b, java.util.function.IntToDoubleFunction season) {
        int n = x.length;
        double[] res = new double[n];
        double ssTot = 0;
        double sxx = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && seg[end] == seg[start]) {
                end++;
            }
            double[] r = new double[end - start];
            double mx = 0;
            double my = 0;
            for (int i = start; i < end; i++) {
                double s = season == null ? 0 : season.applyAsDouble(i);
                r[i - start] = y[i] - s - b * x[i];
                mx += x[i];
                my += y[i];
            }
            double level = Robust.median(r);
            mx /= end - start;
            my /= end - start;
            for (int i = start; i < end; i++) {
                res[i] = r[i - start] - level;
                ssTot += (y[i] - my) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
            }
            start = end;
        }
        double ssRes = 0;
        for (double r : res) {
            ssRes += r * r;
        }
        double sd = Math.sqrt(ssRes / Math.max(1, n - 2));
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
        double se = sxx > 0 ? sd / Math.sqrt(sxx) : Double.NaN;
        return new double[] {r2, sd, se};
    }

    private static double[] slice(double[] a, int to) {
        return to == a.length ? a : java.util.Arrays.copyOf(a, to);
    }

    private static int[] sliceSeg(int[] a, int to) {
        return to == a.length ? a : java.util.Arrays.copyOf(a, to);
    }
}
