package dev.forewarn.forecast;

import dev.forewarn.series.Rates;
import dev.forewarn.series.Resample;
import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * forewarn's forecaster. For one series and one threshold it: keeps the points at or before the
 * evaluation time (and hashes them, see {@link DataHash}); turns a counter into a per-second rate;
 * refuses a verdict below {@link #MIN_POINTS} points or {@link #MIN_SPAN_MILLIS} of history; finds
 * level shifts and fits the current regime (with earlier segments' slope when the regime is
 * young); recognises a sawtooth (regular cleanups) and projects the envelope of its peaks and the
 * next peak; chooses among robust, least-squares, seasonal and quadratic trends by a
 * rolling-origin backtest on the series' own past; and turns the calibrated interval of the path
 * into an interval on the crossing time. Stateless and thread-safe.
 */
public final class ForecastEngine implements Forecaster {

    /**
     * No verdict from less history than this: two days, so that two cycles of the daily rhythm
     * (and two nightly cleanups) have been seen before a trend is believed.
     */
    public static final long MIN_SPAN_MILLIS = 2 * 86_400_000L;
    /** No verdict from fewer points than this. */
    public static final int MIN_POINTS = 10;
    /** A regime younger than this borrows the slope of the segments before it. */
    static final double REGIME_MIN_DAYS = 3.0;
    /** The fit never looks further back than this. */
    static final double MAX_WINDOW_DAYS = 35.0;
    /** Level shifts and cycles are looked for over this much history; callers need read no further back. */
    public static final long HISTORY_MILLIS = 120L * 86_400_000L;
    /** Above this many points the window is averaged onto a coarser grid (speed; the horizon is days). */
    static final int MAX_MODEL_POINTS = 1000;

    @Override
    public Projection project(Series series, ForecastRequest req) {
        Series raw = series.upTo(req.atMillis());
        String sha = DataHash.sha256(raw);
        Series s = dropNaN(raw.key().isCounter() ? Rates.perSecond(raw) : raw);
        s = s.between(req.atMillis() - HISTORY_MILLIS, req.atMillis());
        Double value = s.isEmpty() ? null : s.lastValue();
        Out out = new Out(series, req, value, sha);
        if (s.size() < MIN_POINTS) {
            return out.none("too few points", String.format(Locale.ROOT,
                    "needs at least %d points, has %d", MIN_POINTS, s.size()), null);
        }
        if (s.spanMillis() < MIN_SPAN_MILLIS) {
            return out.none("too little history", String.format(Locale.ROOT,
                    "needs at least %s of history, has %s", Times.human(java.time.Duration.ofMillis(MIN_SPAN_MILLIS)),
                    Times.human(java.time.Duration.ofMillis(s.spanMillis()))), null);
        }
        double sign = req.direction() == Direction.UP ? 1 : -1;
        if (sign * (value - req.threshold()) >= 0) {
            return out.with(req.atMillis(), req.atMillis(), req.atMillis(), "present value",
                    "the present value " + ModelChoice.num(value) + " is already at or beyond the threshold", null, BacktestSummary.none());
        }
        List<LevelShifts.Shift> shifts = LevelShifts.find(s.timesMillis(), s.values());
        Regime regime = Regime.choose(s, shifts, req.atMillis());
        Window w = regime.window(s, MAX_MODEL_POINTS);
        Sawtooth saw = Sawtooth.detect(s, shifts, req.direction(), req.atMillis(), req.threshold());

        List<FittedModel.Model> candidates = List.of(FittedModel.Model.THEIL_SEN, FittedModel.Model.OLS,
                FittedModel.Model.SEASONAL_DAILY, FittedModel.Model.SEASONAL_WEEKLY, FittedModel.Model.QUADRATIC);
        ModelChoice.Choice choice = ModelChoice.choose(w, candidates, req.confidence());
        FittedModel fit = choice.fit();
        if (fit == null) {
            return out.none("no model applies", "the points since " + Times.iso(regime.fromMillis()) + " cannot be fitted", null);
        }
        Fit fitRecord = new Fit(fit.samples() == w.size() ? w.rawPoints() : fit.samples(), regime.fromMillis(), s.lastMillis(), fit.slopePerDay(),
                finite(fit.r2()), finite(fit.residualSd()));
        BacktestSummary bt = choice.winner() == null ? BacktestSummary.none()
                : new BacktestSummary(choice.winner().origins(), choice.winner().medianAbsErrorPct(), choice.winner().coverage());
        String method = fit.model().label + " over " + regime.describe();
        double horizonDays = req.horizonMillis() / Window.DAY_MILLIS;

        // The calibrated band on the rate; without enough past forecasts, a t-interval on the slope, widened
        // threefold because server metrics are autocorrelated and least squares assumes they are not.
        double lo = choice.rateLow();
        double hi = choice.rateHigh();
        String bandNote;
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            double se = Double.isNaN(fit.slopeStdErr()) ? Math.abs(fit.slopePerDay()) : fit.slopeStdErr();
            double t = new org.apache.commons.math3.distribution.TDistribution(Math.max(1, fit.samples() - 2))
                    .inverseCumulativeProbability((1 + req.confidence()) / 2);
            lo = -3 * t * se;
            hi = 3 * t * se;
            bandNote = "interval from the slope's standard error (too few past forecasts to calibrate)";
        } else {
            bandNote = "interval calibrated on " + choice.winner().rateErrors().length + " past forecast errors";
        }
        double toward = sign > 0 ? hi : lo;
        double away = sign > 0 ? lo : hi;
        final double towardRate = toward;
        final double awayRate = away;
        java.util.function.DoubleUnaryOperator pess = d -> fit.valueAt(d) + towardRate * Math.max(0, d);
        java.util.function.DoubleUnaryOperator opt = d -> fit.valueAt(d) + awayRate * Math.max(0, d);

        String why = choice.why() + "; " + bandNote;
        if (saw != null) {
            return saw.project(out, fit, pess, opt, method, why, fitRecord, bt, horizonDays, req.confidence());
        }
        double slopeToward = sign * fit.slopePerDay();
        double etaD = Crossing.firstDays(fit.path(), req.threshold(), req.direction(), horizonDays);
        double optD = Crossing.firstDays(opt, req.threshold(), req.direction(), horizonDays);
        boolean significant = sign * (fit.slopePerDay() + away) > 0 || !Double.isNaN(optD);
        if (!significant) {
            String r = slopeToward <= 0
                    ? "moving away from the threshold (" + perDay(fit.slopePerDay()) + ")"
                    : "no significant trend: " + perDay(fit.slopePerDay()) + " is inside its " + pct(req.confidence())
                      + " error band (" + perDay(fit.slopePerDay() + lo) + " to " + perDay(fit.slopePerDay() + hi) + ")";
            return out.with(null, null, null, method, r + "; " + why, fitRecord, bt);
        }
        if (Double.isNaN(etaD)) {
            Long low = nanToNull(Crossing.firstDays(pess, req.threshold(), req.direction(), horizonDays), req.atMillis());
            return out.with(null, low, null, method, "no crossing within " + Times.human(java.time.Duration.ofMillis(req.horizonMillis()))
                    + " at " + perDay(fit.slopePerDay()) + "; " + why, fitRecord, bt);
        }
        double lowD = Crossing.firstDays(pess, req.threshold(), req.direction(), horizonDays);
        return out.with(out.at(etaD), out.at(Double.isNaN(lowD) ? etaD : Math.min(lowD, etaD)),
                Double.isNaN(optD) ? null : out.at(Math.max(optD, etaD)), method, why, fitRecord, bt);
    }

    static String perDay(double v) {
        return ModelChoice.num(v) + "/day";
    }

    static String pct(double c) {
        return Math.round(c * 100) + " %";
    }

    private static Long nanToNull(double days, long atMillis) {
        return Double.isNaN(days) ? null : atMillis + Math.round(days * Window.DAY_MILLIS);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Series dropNaN(Series s) {
        int nan = 0;
        for (int i = 0; i < s.size(); i++) {
            if (Double.isNaN(s.value(i))) {
                nan++;
            }
        }
        if (nan == 0) {
            return s;
        }
        long[] t = new long[s.size() - nan];
        double[] v = new double[t.length];
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.value(i))) {
                t[k] = s.timeMillis(i);
                v[k++] = s.value(i);
            }
        }
        return new Series(s.key(), t, v);
    }

    /** Builds projections that share the request's fields. */
    static final class Out {
        final Series series;
        final ForecastRequest req;
        final Double value;
        final String sha;

        Out(Series series, ForecastRequest req, Double value, String sha) {
            this.series = series;
            this.req = req;
            this.value = value;
            this.sha = sha;
        }

        long at(double days) {
            return req.atMillis() + Math.round(days * Window.DAY_MILLIS);
        }

        Projection none(String method, String reason, Fit fit) {
            return with(null, null, null, method, reason, fit, BacktestSummary.none());
        }

        Projection with(Long eta, Long low, Long high, String method, String reason, Fit fit, BacktestSummary bt) {
            return new Projection(series.key(), req.atMillis(), value, req.threshold(), req.direction(), eta, low, high,
                    req.confidence(), method, reason, fit, bt, sha);
        }
    }
}
