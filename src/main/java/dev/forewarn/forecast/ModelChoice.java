package dev.forewarn.forecast;

import dev.forewarn.series.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a model by how well it forecast this window's own past (rolling-origin backtest,
 * Tashman 2000), not by in-sample fit, and calibrates the interval from the same errors (split
 * conformal prediction): at origins spread over the second half of the window each candidate is
 * fitted on the points before the origin and compared with the (locally median-smoothed) truth
 * 10–50 % of the window later. Errors are divided by the horizon to give rate errors, whose
 * empirical quantiles widen the projected path linearly with time.
 */
final class ModelChoice {

    static final double[] ORIGIN_FRACTIONS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};
    static final double[] HORIZON_FRACTIONS = {0.1, 0.2, 0.3, 0.4, 0.5};

    /**
     * Backtest record of one candidate on the window.
     *
     * @param rateErrors  errors against the smoothed truth divided by their horizons, units per day, sorted
     * @param rawErrors   errors against the raw series (units), for calibrating the band
     * @param rawHorizons their horizons, days
     * @param errors      errors against the smoothed truth, units, unsorted
     * @param horizons    their horizons, days, aligned with {@code errors}
     * @param rawTargets  the times the raw errors were measured at, epoch ms, aligned with {@code rawErrors}
     * @param coverageErrors how many later errors {@code coverage} was judged on
     */
    record Scored(FittedModel.Model model, double meanAbsError, double[] rateErrors, int origins,
                  Double medianAbsErrorPct, Double coverage, double[] rawErrors, double[] rawHorizons, double[] errors,
                  double[] horizons, long[] rawTargets, int coverageErrors) {
    }

    /** The rules' horizons (days): the backtest also forecasts this far ahead wherever the window reaches. */
    static final double[] RULE_HORIZON_DAYS = {3, 14, 30, 90};

    /**
     * The outcome.
     *
     * @param fit       the winner fitted on the whole window
     * @param winner    its backtest record, or null when no backtest was possible
     * @param all       every candidate's record, in candidate order
     * @param rateLow   lower conformal quantile of rate errors, units per day (NaN: uncalibrated)
     * @param rateHigh  upper quantile, units per day
     * @param why       one sentence: why this model
     */
    record Choice(FittedModel fit, Scored winner, List<Scored> all, double rateLow, double rateHigh, String why) {
    }

    private ModelChoice() {
    }

    static Choice choose(Window w, List<FittedModel.Model> candidates, double confidence) {
        return choose(w, candidates, confidence, null);
    }

    /**
     * As above; with {@code raw} (the series' own points, not averaged) each candidate's forecasts
     * are also compared with the raw value nearest each target, for calibrating the band on the
     * quantity reported (see {@link Scored#rawErrors()}).
     */
    static Choice choose(Window w, List<FittedModel.Model> candidates, double confidence, dev.forewarn.series.Series raw) {
        List<Scored> all = new ArrayList<>();
        for (FittedModel.Model m : candidates) {
            Scored s = backtest(m, w, confidence, raw);
            if (s != null) {
                all.add(s);
            }
        }
        Scored best = null;
        int mostOrigins = all.stream().mapToInt(Scored::origins).max().orElse(0);
        for (Scored s : all) {
            // A model that could only be scored on some of the origins has not earned a comparison.
            if (s.origins() < mostOrigins) {
                continue;
            }
            if (best == null || s.meanAbsError() < best.meanAbsError() * (1 - s.model().margin)) {
                best = s;
            }
        }
        FittedModel.Model chosen = best == null ? FittedModel.Model.THEIL_SEN : best.model();
        FittedModel fit = Models.fit(chosen, w, w.size());
        if (fit == null && chosen != FittedModel.Model.THEIL_SEN) {
            chosen = FittedModel.Model.THEIL_SEN;
            fit = Models.fit(chosen, w, w.size());
            best = null;
        }
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (best != null && best.rateErrors().length >= 8) {
            lo = Robust.conformalQuantile(best.rateErrors(), (1 - confidence) / 2);
            hi = Robust.conformalQuantile(best.rateErrors(), (1 + confidence) / 2);
        }
        return new Choice(fit, best, all, lo, hi, why(best, all, raw == null ? Units.PLAIN : Units.of(raw.key().name())));
    }

    /** Why this model, errors in the unit {@code u} of the series. */
    private static String why(Scored best, List<Scored> all, Units u) {
        if (best == null) {
            return "too little history to compare models on past forecasts; robust trend by default";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "lowest error when forecasting this series' own past (%d origins): mean error %s",
                best.origins(), u.format(best.meanAbsError())));
        List<String> others = new ArrayList<>();
        for (Scored s : all) {
            if (s != best) {
                if (s.origins() < best.origins()) {
                    others.add(s.model().words + " (applied at only " + s.origins() + " origins)");
                    continue;
                }
                String note = s.meanAbsError() < best.meanAbsError() ? " (not better by its " + Math.round(s.model().margin * 100) + " % margin)" : "";
                // the models in words ("robust trend"), not their internal labels ("theil-sen"): a reader knows no estimator names
                others.add(s.model().words + " " + u.format(s.meanAbsError()) + note);
            }
        }
        if (!others.isEmpty()) {
            sb.append(" vs ").append(String.join(", ", others));
        }
        return sb.toString();
    }

    /** A unitless number in a reason (a factor, a count of days), through the one human formatter. */
    static String num(double v) {
        return dev.forewarn.series.Human.number(v);
    }

    /** Rolling-origin backtest of one model over the window; null when the model never applied. */
    static Scored backtest(FittedModel.Model m, Window w, double confidence) {
        return backtest(m, w, confidence, null);
    }

    static Scored backtest(FittedModel.Model m, Window w, double confidence, dev.forewarn.series.Series raw) {
        int n = w.size();
        double[] x = w.x();
        double[] y = w.y();
        double x0 = x[0];
        double span = x[n - 1] - x0;
        if (span <= 0) {
            return null;
        }
        double delta = Math.max(span / 200, 1.5 * span / Math.max(1, n - 1));
        List<double[]> perOrigin = new ArrayList<>(); // each: {e, h, change}...
        List<Double> rawE = new ArrayList<>();
        List<Double> rawH = new ArrayList<>();
        List<Long> rawT = new ArrayList<>();
        int origins = 0;
        for (double f : ORIGIN_FRACTIONS) {
            double o = x0 + f * span;
            int k = w.countUpTo(o);
            FittedModel fit = Models.fit(m, w, k);
            if (fit == null) {
                continue;
            }
            int seg = w.segment()[k - 1];
            double atOrigin = smoothed(w, o, delta, seg);
            List<Double> errs = new ArrayList<>();
            if (raw != null) {
                // The raw value at the window's horizons and at the rules' horizons that the window reaches.
                double[] hs = new double[HORIZON_FRACTIONS.length + RULE_HORIZON_DAYS.length];
                for (int i = 0; i < HORIZON_FRACTIONS.length; i++) {
                    hs[i] = HORIZON_FRACTIONS[i] * span;
                }
                System.arraycopy(RULE_HORIZON_DAYS, 0, hs, HORIZON_FRACTIONS.length, RULE_HORIZON_DAYS.length);
                for (double h : hs) {
                    double target = o + h;
                    if (target > x[n - 1]) {
                        continue;
                    }
                    int at = Math.min(n - 1, w.countUpTo(target));
                    if (w.segment()[at] != seg) {
                        continue;
                    }
                    double actual = nearestRaw(raw, w.millisOf(target), 1.5 * span / Math.max(1, n - 1) * Window.DAY_MILLIS);
                    if (!Double.isNaN(actual)) {
                        rawE.add(actual - fit.valueAt(target));
                        rawH.add(h);
                        rawT.add(w.millisOf(target));
                    }
                }
            }
            for (double hf : HORIZON_FRACTIONS) {
                double target = o + hf * span;
                if (target > x[n - 1]) {
                    break;
                }
                double actual = smoothed(w, target, delta, seg);
                if (Double.isNaN(actual)) {
                    continue;
                }
                errs.add(actual - fit.valueAt(target));
                errs.add(hf * span);
                errs.add(actual - atOrigin);
            }
            if (!errs.isEmpty()) {
                double[] a = new double[errs.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = errs.get(i);
                }
                perOrigin.add(a);
                origins++;
            }
        }
        if (origins == 0) {
            return null;
        }
        int total = 0;
        for (double[] a : perOrigin) {
            total += a.length / 3;
        }
        double[] rate = new double[total];
        double sumAbs = 0;
        List<Double> pct = new ArrayList<>();
        int idx = 0;
        int covered = 0;
        int judged = 0;
        List<Double> earlier = new ArrayList<>();
        for (double[] a : perOrigin) {
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (earlier.size() >= 8) {
                double[] sorted = earlier.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                lo = Robust.conformalQuantile(sorted, (1 - confidence) / 2);
                hi = Robust.conformalQuantile(sorted, (1 + confidence) / 2);
            }
            for (int i = 0; i < a.length; i += 3) {
                double e = a[i];
                double h = a[i + 1];
                double change = a[i + 2];
                rate[idx++] = e / h;
                sumAbs += Math.abs(e);
                if (Math.abs(change) > 1e-12) {
                    pct.add(100 * Math.abs(e) / Math.abs(change));
                }
                if (!Double.isNaN(lo)) {
                    judged++;
                    if (e / h >= lo && e / h <= hi) {
                        covered++;
                    }
                }
            }
            for (int i = 0; i < a.length; i += 3) {
                earlier.add(a[i] / a[i + 1]);
            }
        }
        double[] pe = new double[total];
        double[] ph = new double[total];
        for (int i = 0, k = 0; i < perOrigin.size(); i++) {
            double[] a = perOrigin.get(i);
            for (int j = 0; j < a.length; j += 3, k++) {
                pe[k] = a[j];
                ph[k] = a[j + 1];
            }
        }
        Arrays.sort(rate);
        Double medPct = pct.isEmpty() ? null : Robust.median(pct.stream().mapToDouble(Double::doubleValue).toArray());
        Double coverage = judged == 0 ? null : (double) covered / judged;
        return new Scored(m, sumAbs / total, rate, origins, medPct, coverage,
                rawE.stream().mapToDouble(Double::doubleValue).toArray(), rawH.stream().mapToDouble(Double::doubleValue).toArray(), pe, ph,
                rawT.stream().mapToLong(Long::longValue).toArray(), judged);
    }

    /** The raw value nearest {@code millis}, or NaN when none lies within {@code within} ms. */
    private static double nearestRaw(dev.forewarn.series.Series raw, long millis, double within) {
        int i = raw.lowerBound(millis);
        double best = Double.NaN;
        double bestDt = Double.POSITIVE_INFINITY;
        for (int k = Math.max(0, i - 1); k <= Math.min(raw.size() - 1, i); k++) {
            double dt = Math.abs(raw.timeMillis(k) - millis);
            if (dt < bestDt && dt <= Math.max(within, 60_000)) {
                bestDt = dt;
                best = raw.value(k);
            }
        }
        return best;
    }

    /** Median of the points of one segment within ±delta days of x, or NaN if none. */
    private static double smoothed(Window w, double at, double delta, int seg) {
        int from = w.countUpTo(at - delta - 1e-12);
        int to = w.countUpTo(at + delta);
        double[] v = new double[Math.max(0, to - from)];
        int m = 0;
        for (int i = from; i < to; i++) {
            if (w.segment()[i] == seg) {
                v[m++] = w.y()[i];
            }
        }
        return m == 0 ? Double.NaN : Robust.median(v, 0, m);
    }
}
