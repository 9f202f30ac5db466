package dev.forewarn.forecast;

import dev.forewarn.series.Resample;
import dev.forewarn.series.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Past forecasts at the rules' long horizons ({@link #HORIZON_DAYS}): the chosen model, fitted at
 * origins over the regime's history before the fit window (each on at most
 * {@link ForecastEngine#MAX_WINDOW_DAYS} before its origin, as the forecast itself is), compared
 * with the raw value that many days later. The window's own backtest reaches about half the
 * window ahead; a rate that drifts over weeks, or an acceleration, shows only further out.
 */
final class LongBacktest {

    /** Horizons judged, days. */
    static final double[] HORIZON_DAYS = {14, 30};
    /** Origins per horizon, spread evenly over the history that allows them. */
    static final int ORIGINS = 6;
    /** A fit at an origin needs this much history of the regime before it, days. */
    static final double MIN_FIT_DAYS = 7;

    /** Errors (raw value − forecast, units), their horizons (days) and the times they were measured at (epoch ms), aligned. */
    record Errors(double[] errors, double[] horizons, long[] targets) {
        static final Errors NONE = new Errors(new double[0], new double[0], new long[0]);
    }

    private LongBacktest() {
    }

    /**
     * The errors of {@code model} on {@code fitted} (the series the model is fitted to) against
     * {@code raw} (the series' own points), from origins after {@code regimeStartMillis} (no
     * shift away from the threshold since) up to {@code atMillis} less each horizon. An origin
     * may have less history than the present fit: its errors then also say how much a slope from
     * a few weeks moves (requiring 80 % of the present span, the drifting-rate family's intervals
     * beyond 14 days held 54 % instead of 64 %). With {@code asLong} only origins with as much
     * history as the present fit (to {@link ForecastEngine#MAX_WINDOW_DAYS}) count: a curve's
     * errors from shorter fits say more about the fits than about the present one.
     */
    static Errors of(FittedModel.Model model, Series fitted, Series raw, long regimeStartMillis, long atMillis, boolean asLong) {
        long day = 86_400_000L;
        long minFit = Math.round(MIN_FIT_DAYS * day);
        long window = Math.round(ForecastEngine.MAX_WINDOW_DAYS * day);
        List<Double> e = new ArrayList<>();
        List<Double> h = new ArrayList<>();
        List<Long> t = new ArrayList<>();
        Series regime = fitted.between(regimeStartMillis, atMillis);
        // One averaging for every origin, onto the grid a full window's fit uses (speed: a window per origin cost a third more).
        long step = Resample.stepFor(regime.between(atMillis - window, atMillis), ForecastEngine.MAX_MODEL_POINTS);
        Series grid = step > 0 ? Resample.mean(regime, step) : regime;
        for (double hd : HORIZON_DAYS) {
            long hm = Math.round(hd * day);
            long last = atMillis - hm;
            long first = regimeStartMillis + minFit;
            if (asLong) {
                first = Math.max(first, regimeStartMillis + Math.min(atMillis - regimeStartMillis, window));
            }
            if (last < first) {
                continue;
            }
            for (int k = 0; k < ORIGINS; k++) {
                long o = last - (last - first) * k / (ORIGINS - 1);
                Series part = grid.between(Math.max(regimeStartMillis, o - window), o);
                if (part.size() < ForecastEngine.MIN_POINTS) {
                    continue;
                }
                Window w = windowOf(part, o);
                FittedModel fit = Models.fit(model, w, w.size());
                if (fit == null) {
                    continue;
                }
                double actual = nearest(raw, o + hm, Math.max(3_600_000L, 2 * part.spanMillis() / Math.max(1, part.size() - 1)));
                if (!Double.isNaN(actual)) {
                    e.add(actual - fit.valueAt(hd));
                    h.add(hd);
                    t.add(o + hm);
                }
                if (last == first) {
                    break;
                }
            }
        }
        return new Errors(e.stream().mapToDouble(Double::doubleValue).toArray(), h.stream().mapToDouble(Double::doubleValue).toArray(),
                t.stream().mapToLong(Long::longValue).toArray());
    }

    /** One segment's window ending at {@code atMillis}. */
    private static Window windowOf(Series part, long atMillis) {
        int raw = part.size();
        int n = part.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (part.timeMillis(i) - atMillis) / Window.DAY_MILLIS;
        }
        return new Window(atMillis, x, part.values().clone(), new int[n], raw);
    }

    /** The raw value nearest {@code millis} within {@code within} ms, or NaN. */
    private static double nearest(Series raw, long millis, long within) {
        int i = raw.lowerBound(millis);
        double best = Double.NaN;
        long bestDt = Long.MAX_VALUE;
        for (int k = Math.max(0, i - 1); k <= Math.min(raw.size() - 1, i); k++) {
            long dt = Math.abs(raw.timeMillis(k) - millis);
            if (dt < bestDt && dt <= within) {
                bestDt = dt;
                best = raw.value(k);
            }
        }
        return best;
    }
}
