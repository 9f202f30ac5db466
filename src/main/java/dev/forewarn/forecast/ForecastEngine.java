package dev.forewarn.forecast;

import dev.forewarn.series.Rates;
import dev.forewarn.series.Resample;
import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import dev.forewarn.series.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * forewarn's forecaster. For one series and one threshold it: keeps the points at or before the
 * evaluation time (and hashes them, see {@link DataHash}); turns a counter into a per-second rate;
 * below {@link #MIN_POINTS} points or {@link #MIN_SPAN_MILLIS} of history says it is still
 * learning and how much more it needs; finds the moves away from the threshold (cleanups,
 * rotations, resizes, restarts: a step toward it is consumption) and fits the current regime
 * (a young one borrows the older slope unless its own slope forecast it better, and the older
 * daily profile while it is too young for one of its own); recognises a
 * sawtooth (regular cleanups) and models the envelope of its peaks and the fill of its cycles;
 * chooses among robust, least-squares, seasonal, quadratic and recent (damped) trends by a rolling-origin backtest
 * on the series' own past. The date is then the first touch: the median of the first times that
 * simulated paths of the series reach the threshold ({@link FirstTouch}), the interval their
 * quantiles, the slope spread widened until past forecasts' day extremes (the raw value nearest
 * the threshold in the day up to each target: {@link DayExtremes}) fall inside the band as often
 * as promised. Stateless and thread-safe; the same data gives the same answer (the
 * simulation is seeded by the data hash).
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
    static final int MAX_MODEL_POINTS = 720;
    /** Above this many points level shifts are looked for on bucket means. */
    static final int SHIFT_POINTS = 8000;

    /** Residuals for the simulation are taken from at most this much recent history. */
    static final double RESIDUAL_DAYS = 28.0;
    /** ... or from this many cycles of a sawtooth whose cycle lasts several days, when known. */
    static final int RESIDUAL_CYCLES = 4;
    /** With fewer past forecast errors than this the slope spread is not calibrated on them. */
    static final int MIN_ERRORS = 8;

    /**
     * What the first-touch simulation needs from a model, and what the projection says about it.
     *
     * @param mean             the mean path, value at x days after the evaluation time (past included)
     * @param rateErrors       past forecast errors as rates (units per day) to resample as slope draws, or null
     * @param slopeSd          otherwise the slope's spread (units per day), drawn as a normal
     * @param levelSd          spread of the future level (units), one normal draw per path; 0 for none
     * @param method           the method, in words
     * @param why              why, and where the spread comes from
     * @param fit              the fit to report
     * @param residualFromDays residuals are taken from this many days (negative) relative to the evaluation time
     * @param boundaries       segment boundaries (epoch ms): each segment's residuals are centred on their own
     * @param rawErrors        past forecasts' errors against the raw series (units), for calibrating the spread, or null
     * @param rawHorizons      their horizons, days
     * @param blockDays        length of the residual blocks in whole days (1; a weekly sawtooth's 7)
     * @param levelFromDays    the level draw applies from this many days ahead (a sawtooth's next cleanup: the current cycle's level is known)
     * @param walkSd           a random walk off the mean path, units per √day: the part of past errors that grew as a drifting rate does (0: none);
     *                         scaled as the slope spread is
     * @param walkFloorSd      the least random walk, units per √day, whatever the calibration: a rate seen to wander ({@link Wander}; 0: none)
     * @param rawTargets       the times (epoch ms) the raw errors were measured at, aligned with them, or null
     * @param rawSpreadRatios  how much wider than the present fit's the slope spread of each raw error's own past fit was
     *                         ({@link #curveSpreadRatios}), aligned with them, or null (1 each)
     */
    record Plan(java.util.function.DoubleUnaryOperator mean, double[] rateErrors, double slopeSd, double levelSd, String method, String why,
                Fit fit, double residualFromDays, long[] boundaries, double[] rawErrors, double[] rawHorizons, int blockDays, double levelFromDays,
                double walkSd, double walkFloorSd, long[] rawTargets, double[] rawSpreadRatios) {

        /** The same plan with its raw errors replaced by {@code errors} (aligned with them). */
        Plan judgedBy(double[] errors) {
            return new Plan(mean, rateErrors, slopeSd, levelSd, method, why, fit, residualFromDays, boundaries, errors, rawHorizons, blockDays,
                    levelFromDays, walkSd, walkFloorSd, rawTargets, rawSpreadRatios);
        }
    }

    /**
     * Scale factors of the slope spread tried, smallest first, until the past raw errors are
     * covered. Below 1 only the slope spread narrows: the residuals keep the series' own noise.
     * Never below a quarter: scales down to 0.1 met the past errors of a staircase fill at its
     * origins and then missed its next step (the fixed-seed calibration test's staircase fell to
     * 59.6 % coverage, before the robust slope's lags were spread). Down to 0.25, a clean linear
     * fill's 80 % intervals over 14 days out hold 92.9 % of first touches, not 94.8 % (60 draws).
     */
    static final double[] SCALES = {0.25, 0.35, 0.5, 0.7, 1, 1.25, 1.5, 2, 3, 4, 6, 8};
    /** Widening when too few past errors could be judged: never narrower for knowing less. */
    static final double UNCALIBRATED_SCALE = 2;

    @Override
    public Projection project(Series series, ForecastRequest req) {
        // The points used: the last HISTORY_MILLIS up to the evaluation time, nothing after it.
        Series raw = series.between(req.atMillis() - HISTORY_MILLIS, req.atMillis());
        String sha = DataHash.sha256(raw);
        Series s = dropNaN(raw.key().isCounter() ? Rates.perSecond(raw) : raw);
        Double value = s.isEmpty() ? null : s.lastValue();
        // every value and rate in the words is in the unit of what is projected (a counter's rate)
        Units u = Units.of(s.key().name());
        Out out = new Out(series, req, value, sha);
        if (s.size() < MIN_POINTS || s.spanMillis() < MIN_SPAN_MILLIS) {
            long step = s.size() >= 2 ? s.spanMillis() / (s.size() - 1) : 300_000L;
            long moreSpan = Math.max(0, MIN_SPAN_MILLIS - (s.isEmpty() ? 0 : s.spanMillis()));
            long morePoints = Math.max(0, MIN_POINTS - s.size()) * Math.max(1, step);
            long more = Math.max(moreSpan, morePoints);
            String has = s.size() < MIN_POINTS
                    ? String.format(Locale.ROOT, "needs at least %d points, has %d", MIN_POINTS, s.size())
                    : "needs at least " + Times.human(java.time.Duration.ofMillis(MIN_SPAN_MILLIS)) + " of history, has "
                      + Times.human(java.time.Duration.ofMillis(s.spanMillis()));
            return out.learning("learning: " + has + "; about " + Times.human(java.time.Duration.ofMillis(more)) + " more",
                    Math.max(1, (more + 999) / 1000));
        }
        double sign = req.direction() == Direction.UP ? 1 : -1;
        if (sign * (value - req.threshold()) >= 0) {
            return out.with(req.atMillis(), req.atMillis(), req.atMillis(), "present value",
                    "the present value " + u.format(value) + " is already at or beyond the threshold", null, BacktestSummary.none());
        }
        // Shifts are looked for on at most SHIFT_POINTS bucket means: a sustained shift survives the
        // averaging, and four months of 5-minute points cost a quarter as much.
        Series forShifts = s.size() > SHIFT_POINTS ? Resample.mean(s, Resample.stepFor(s, SHIFT_POINTS)) : s;
        // Only a move away from the threshold (cleanup, rotation, resize, restart) starts a new regime:
        // a step toward it is consumption, and the trend must see it.
        List<LevelShifts.Shift> shifts = new ArrayList<>();
        for (LevelShifts.Shift sh : LevelShifts.find(forShifts.timesMillis(), forShifts.values())) {
            if (sign * sh.size() < 0) {
                shifts.add(sh);
            }
        }
        if (Sawtooth.burstOnly(s, shifts, sign)) {
            shifts = List.of(); // a nightly excursion's return is no cleanup: flat series, bursts in the residuals
        }
        Regime regime = Regime.choose(s, shifts, req.atMillis());
        Sawtooth saw = Sawtooth.detect(s, shifts, req.direction(), req.atMillis(), req.threshold());
        // A regime of hours has no daily profile of its own, and its slope would take the swing for a trend:
        // it is fitted without the profile of the days before it (a restart does not end the working day),
        // and the mean path puts the profile back.
        double[] borrowed = saw == null ? regime.borrowedProfile(s) : null;
        Series fitted = borrowed == null ? s : Regime.without(s, borrowed);
        Window w = regime.window(fitted, MAX_MODEL_POINTS);

        List<FittedModel.Model> candidates = new ArrayList<>(List.of(FittedModel.Model.THEIL_SEN, FittedModel.Model.OLS,
                FittedModel.Model.SEASONAL_DAILY, FittedModel.Model.SEASONAL_WEEKLY, FittedModel.Model.QUADRATIC,
                FittedModel.Model.RECENT));
        // A curve is extrapolated only when it bends toward the threshold: a fill that slows is not projected to
        // turn back (a drifting rate's slow weeks made parabolas that never touch: 80 % intervals held 69.5 % of
        // first touches 3-14 days out and 63.8 % beyond, without them 72.4 % and 67.0 %, 60 draws).
        // (The second difference a week either side: there the curve's weekly harmonics cancel.)
        FittedModel curve = Models.fit(FittedModel.Model.QUADRATIC, w, w.size());
        boolean bendsAway = curve != null && sign * (curve.valueAt(7) + curve.valueAt(-7) - 2 * curve.valueAt(0)) < 0;
        if (bendsAway) {
            candidates.remove(FittedModel.Model.QUADRATIC);
        }
        ModelChoice.Choice choice = ModelChoice.choose(w, candidates, req.confidence(), fitted.between(regime.fromMillis(), req.atMillis()));
        FittedModel fit = choice.fit();
        if (fit == null) {
            return out.none("no model applies", "the points since " + Times.local(regime.fromMillis(), java.time.ZoneId.systemDefault()) + " cannot be fitted", null);
        }
        Fit fitRecord = new Fit(fit.samples() == w.size() ? w.rawPoints() : fit.samples(), regime.fromMillis(), s.lastMillis(), fit.slopePerDay(),
                finite(fit.r2()), finite(fit.residualSd()));
        BacktestSummary bt = choice.winner() == null ? BacktestSummary.none()
                : new BacktestSummary(choice.winner().origins(), choice.winner().medianAbsErrorPct(), choice.winner().coverage(), choice.winner().coverageErrors());
        Plan plan;
        if (saw != null) {
            plan = saw.plan(fit, req.confidence());
        } else {
            ModelChoice.Scored wn = choice.winner();
            java.util.function.DoubleUnaryOperator mean = fit.path();
            if (borrowed != null) {
                long at = req.atMillis();
                java.util.function.DoubleUnaryOperator trend = mean;
                mean = d -> trend.applyAsDouble(d) + Regime.profileAt(borrowed, at + Math.round(d * Window.DAY_MILLIS));
            }
            double wander = Wander.walkFloor(s, req.atMillis(), (req.atMillis() - regime.fromMillis()) / Window.DAY_MILLIS, mean, fit.slopePerDay());
            // The band is calibrated on the window's own past forecasts and on forecasts weeks ahead from earlier in the regime.
            // A curve's far forecasts count only from fits as long as the present one, unless the rate wanders: a curvature
            // fitted on a week or two errs by days where one over five weeks errs by hours, and the window's own past fits,
            // shorter too, are judged with the wider spread their length gave them (an accelerating fill's 80 % intervals
            // 3-14 days out held 96.8 % of first touches; with this, and the week fitted beside the curve, 91.6 %, 60 draws).
            boolean curveOnLongFits = fit.model() == FittedModel.Model.QUADRATIC && wander == 0;
            long regimeStart = shifts.isEmpty() ? s.firstMillis() : shifts.get(shifts.size() - 1).timeMillis();
            LongBacktest.Errors far = wn == null ? LongBacktest.Errors.NONE
                    : LongBacktest.of(fit.model(), fitted, s, regimeStart, req.atMillis(), curveOnLongFits);
            double[] rawE = wn == null ? null : concat(wn.rawErrors(), far.errors());
            double[] rawH = wn == null ? null : concat(wn.rawHorizons(), far.horizons());
            long[] rawT = wn == null ? null : concat(wn.rawTargets(), far.targets());
            double[] errors = null;
            String spread;
            double sd = Double.NaN;
            double walk = 0;
            if (wn != null && wn.errors().length >= MIN_ERRORS) {
                // How the errors grew with the horizon splits them into noise (the residuals carry it), a drifting
                // rate (a random walk) and a wrong slope (the slope draws).
                double[] pe = concat(wn.errors(), far.errors());
                double[] ph = concat(wn.horizons(), far.horizons());
                ErrorGrowth g = ErrorGrowth.fit(pe, ph);
                walk = Math.sqrt(g.walkVarPerDay());
                errors = new double[pe.length];
                for (int i = 0; i < pe.length; i++) {
                    errors[i] = pe[i] / ph[i] * g.slopeShare(ph[i]);
                }
                // Errors that grew too little to tell a slope error apart leave the slope no spread at all:
                // never less than the window's own slope standard error (unless the line is exact to a millionth).
                double floor = slopeStdErr(w);
                if (floor > 1e-6 * Math.abs(fit.slopePerDay())) {
                    errors = atLeast(errors, floor);
                }
                spread = "slope spread resampled from " + pe.length + " past forecast errors of this series"
                        + (far.errors().length > 0 ? " (" + far.errors().length + " of them weeks ahead)" : "")
                        + ", less their share that did not grow as a wrong slope's"
                        + (walk > 0 ? "; a random walk of " + u.format(walk) + " per √day, the share that grew as a drifting rate's" : "")
                        + (curveOnLongFits ? "; the curve's past forecasts weeks ahead only from fits as long as this one, and the shorter"
                           + " fits' errors judged with the wider spread their length gave them" : "");
            } else {
                double se = Double.isNaN(fit.slopeStdErr()) ? Math.abs(fit.slopePerDay()) : fit.slopeStdErr();
                sd = 3 * se;
                spread = "slope spread from the slope's standard error, widened threefold: "
                        + (wn == null ? "no" : "only " + wn.errors().length) + " past forecast errors, too few to calibrate";
            }
            String borrowedWords = borrowed == null ? "" : "; fitted without the daily profile of up to a week before the shift, which the path puts back";
            String wanderWords = wander > 0
                    ? "; the daily means stray from the path further in a week than in a day, as a wandering rate's do: a random walk of at least "
                      + u.format(wander) + " per √day, which past errors (sharing one or two of its excursions) do not narrow"
                    : "";
            String curveWords = bendsAway ? "; no accelerating (quadratic) trend: the curve through these points bends away from the threshold" : "";
            plan = new Plan(mean, errors, sd, 0, fit.model().label + " over " + regime.describe(u), choice.why() + curveWords + borrowedWords + "; " + spread + wanderWords,
                    fitRecord, (regime.fromMillis() - req.atMillis()) / Window.DAY_MILLIS,
                    regime.shifts().stream().mapToLong(LevelShifts.Shift::timeMillis).toArray(),
                    rawE, rawH,
                    // A weekly profile's residuals are deviations from that weekday's profile: they come back on the same weekday.
                    fit.model() == FittedModel.Model.SEASONAL_WEEKLY ? 7 : 1, 0, walk, wander, rawT,
                    // (the far errors' fits are as long as the present one: ratio 1)
                    curveOnLongFits && wn != null ? concat(curveSpreadRatios(wn.rawTargets(), wn.rawHorizons(),
                            w.millisOf(w.x()[w.lastSegmentStart(w.size())]), req.atMillis()), ones(far.errors().length)) : null);
        }
        return firstTouch(out, s, plan, sign, bt, sha);
    }

    /** Simulates the plan's first touch and words the answer. */
    private static Projection firstTouch(Out out, Series s, Plan plan, double sign, BacktestSummary bt, String sha) {
        ForecastRequest req = out.req;
        double horizonDays = req.horizonMillis() / Window.DAY_MILLIS;
        // A sawtooth (no boundaries: its mean path passes through each cycle's own levels) whose cycle lasts
        // several days needs several cycles for variety, each future day being drawn from the same day of
        // a past cycle; a trend's residuals stay within RESIDUAL_DAYS, where its line was fitted.
        double residualDays = plan.boundaries() == null ? Math.max(RESIDUAL_DAYS, RESIDUAL_CYCLES * plan.blockDays()) : RESIDUAL_DAYS;
        long from = req.atMillis() + Math.round(Math.max(plan.residualFromDays(), -residualDays) * Window.DAY_MILLIS);
        Series recent = s.between(from, req.atMillis());
        if (recent.size() < 2) {
            recent = s.slice(Math.max(0, s.size() - 2), s.size());
        }
        FirstTouch.Residuals res = FirstTouch.residuals(recent.timesMillis(), recent.values(), req.atMillis(), plan.mean(),
                plan.boundaries(), req.direction());
        long seed = seedOf(sha);
        double[] draws = slopeDraws(plan, seed);
        // Residuals about a trend may have a cycle of their own (a staircase's steps); a sawtooth's mean path follows its cycles.
        FirstTouch.Blocks blocks = FirstTouch.Blocks.of(res, plan.blockDays(), plan.boundaries() != null);
        Calibration cal;
        if (plan.rawErrors() == null || plan.rawTargets() == null) {
            // no past errors to judge (a sawtooth's envelope): the calibration says so without reading the residuals
            cal = calibrate(plan, draws, (t, pick) -> 0, 0, req.confidence(), seed);
        } else {
            // Past forecasts are judged by the day's extreme toward the threshold, as a first touch is (DayExtremes).
            int day = (int) Math.max(1, Math.round(DayExtremes.DAYS / res.stepDays()));
            double[] extremes = DayExtremes.trailing(res.values(), day, req.direction());
            Plan judged = plan.judgedBy(DayExtremes.ofErrors(s, plan.rawErrors(), plan.rawTargets(), plan.mean(), req.atMillis(), req.direction()));
            cal = calibrate(judged, draws, (t, pick) -> extremes[blocks.indexAt(res, req.atMillis(), t, pick, day - 1)], res.values().length,
                    req.confidence(), seed);
        }
        double[] lifts = null;
        if (plan.levelSd() > 0 || cal.levelSd() > 0) {
            java.util.SplittableRandom lr = new java.util.SplittableRandom(seed + 1);
            // A sawtooth's level spread is widened as the slope spread is: both rest on the same too-few or calibrated errors.
            // A trend's comes from the calibration alone.
            double sd = plan.levelSd() > 0 ? cal.shortScale() * plan.levelSd() : cal.levelSd();
            lifts = new double[draws.length];
            for (int i = 0; i < lifts.length; i++) {
                lifts[i] = sd * gaussian(lr);
            }
        }
        // The walk is scaled as the slope spread is, but never below the floor that a wandering rate sets.
        java.util.function.DoubleUnaryOperator walk = plan.walkSd() > 0 || plan.walkFloorSd() > 0
                ? d -> Math.max(cal.scaleAt(d) * plan.walkSd(), plan.walkFloorSd()) : null;
        FirstTouch.Result r = FirstTouch.simulate(plan.mean(), draws, cal::scaleAt, walk, lifts, plan.levelFromDays(),
                plan.levelSd() > 0 ? null : cal::levelShare, res, blocks, req.threshold(), req.direction(), horizonDays,
                req.confidence(), seed ^ 0x5DEECE66DL);
        ProjectedPath path = toPath(r, req.atMillis());
        double slope = plan.fit() == null ? Double.NaN : plan.fit().slopePerDay();
        String sim = String.format(Locale.ROOT, "first touch of %d simulated paths (trend, %s, residuals of the last %s resampled in %s at a step of %s)",
                r.touchDays().length, "slope spread", Times.human(java.time.Duration.ofMillis(recent.spanMillis())),
                blocks.words(res.stepDays()),
                Times.human(java.time.Duration.ofMillis(Math.round(res.stepDays() * Window.DAY_MILLIS))));
        String calWords = cal.words(req.confidence(), Units.of(s.key().name())::format);
        String why = sim + "; " + plan.why() + "; " + calWords;
        double lowQ = r.quantile((1 - req.confidence()) / 2);
        double midQ = r.quantile(0.5);
        double highQ = r.quantile((1 + req.confidence()) / 2);
        String horizonWords = Times.human(java.time.Duration.ofMillis(req.horizonMillis()));
        if (!Double.isFinite(midQ)) {
            String head = sign * slope <= 0
                    ? "moving away from the threshold (" + perDay(slope, s) + "); " + r.touched() + " of " + r.touchDays().length
                      + " simulated paths touch it within " + horizonWords
                    : "no touch within " + horizonWords + " in most simulated paths: " + r.touched() + " of " + r.touchDays().length
                      + " touch it, at " + perDay(slope, s);
            Long low = Double.isFinite(lowQ) ? out.at(lowQ) : null;
            return out.with(null, low, null, plan.method(), head + "; " + why, plan.fit(), bt, path);
        }
        // The time resolution of a first touch is the sampling step: an interval is at least one step each side.
        long stepMillis = Math.max(60_000L, Math.round(res.stepDays() * Window.DAY_MILLIS));
        long eta = Math.max(req.atMillis() + 1, out.at(midQ));
        long low = Math.min(out.at(lowQ), eta - stepMillis);
        low = Math.max(req.atMillis(), low);
        if (low >= eta) {
            low = req.atMillis() + (eta - req.atMillis()) / 2;
        }
        Long high = Double.isFinite(highQ) ? Math.max(out.at(highQ), eta + stepMillis) : null;
        return out.with(eta, low, high, plan.method(), why, plan.fit(), bt, path);
    }

    /**
     * How the slope spread is scaled with the horizon: {@code shortScale} out to
     * {@code shortDays}, {@code longScale} from {@code longDays} on, linear in between (one scale
     * when the two horizons are equal). Each group of past errors that is large enough picks its
     * own scale, narrower than 1 as well as wider, since only the slope spread is scaled: the
     * resampled residuals (the series' own noise and cycle) are never narrowed. A group with
     * fewer than {@link #MIN_ERRORS} errors is not calibrated: it keeps the backtest's own spread
     * (×1), neither narrowed nor widened by what the other group's errors needed.
     *
     * @param shortScale    scale at short horizons
     * @param shortDays     the short group's typical horizon, days
     * @param shortJudged   past errors in the short group
     * @param shortCoverage share of them inside the band at {@code shortScale} (NaN: not calibrated)
     * @param longScale     scale at long horizons
     * @param longDays      the long group's typical horizon, days
     * @param longJudged    past errors in the long group
     * @param longCoverage  share of them inside the band at {@code longScale} (NaN: not calibrated)
     * @param levelSd       spread of a level offset per path (series units; 0 for none), when the short group's errors
     *                      did not fit inside even the widest slope spread ({@link #LEVELS})
     */
    record Calibration(double shortScale, double shortDays, int shortJudged, double shortCoverage,
                       double longScale, double longDays, int longJudged, double longCoverage, double levelSd) {

        /** The scale at {@code days} after the evaluation time. */
        double scaleAt(double days) {
            if (days <= shortDays || longDays <= shortDays) {
                return shortScale;
            }
            if (days >= longDays) {
                return longScale;
            }
            return shortScale + (longScale - shortScale) * (days - shortDays) / (longDays - shortDays);
        }

        /**
         * The share of {@code levelSd} at {@code days} ahead: whole out to {@code shortDays}, whose
         * errors it was judged on; none from {@code longDays}, whose scale was found without it;
         * linear in between, as the scale is.
         */
        double levelShare(double days) {
            if (days <= shortDays || longDays <= shortDays) {
                return 1;
            }
            return days >= longDays ? 0 : (longDays - days) / (longDays - shortDays);
        }

        boolean calibrated() {
            return shortJudged >= MIN_ERRORS || longJudged >= MIN_ERRORS;
        }

        /** One sentence, true of the numbers: what each group of past errors made of the spread ({@code units} formats a level). */
        String words(double confidence, java.util.function.DoubleFunction<String> units) {
            if (!calibrated()) {
                return String.format(Locale.ROOT, "too few past errors against the raw series to calibrate (%d): spread widened ×%s",
                        shortJudged + longJudged, ModelChoice.num(shortScale));
            }
            String extreme = "; a day extreme is the raw value nearest the threshold in the day up to a past forecast's target, as a first touch is";
            String level = levelSd > 0 ? " and a level spread of " + units.apply(levelSd) + " (the widest slope spread alone held too few"
                    + (longDays > shortDays ? "; it fades out by " + ModelChoice.num(longDays) + " days" : "") + ")" : "";
            if (longDays <= shortDays) {
                return group(shortScale, "at every horizon", level, shortJudged, shortCoverage, confidence) + extreme;
            }
            return group(shortScale, "up to " + ModelChoice.num(shortDays) + " days ahead", level, shortJudged, shortCoverage, confidence) + "; "
                    + group(longScale, "from " + ModelChoice.num(longDays) + " days ahead", "", longJudged, longCoverage, confidence)
                    + "; linear in between" + extreme;
        }

        private static String group(double scale, String at, String level, int judged, double coverage, double confidence) {
            if (judged < MIN_ERRORS) {
                return String.format(Locale.ROOT, "spread ×%s %s: only %d past errors there, too few to calibrate, so the backtest's own spread,"
                        + " neither narrowed nor carried over from the other horizons", ModelChoice.num(scale), at, judged);
            }
            return String.format(Locale.ROOT, "spread ×%s %s%s so that %d past forecasts' day extremes there fall inside the %s band %.0f %% of the time",
                    ModelChoice.num(scale), at, level, judged, pct(confidence), 100 * coverage);
        }
    }

    /** Past errors at horizons up to this many days calibrate the short-horizon scale; longer ones the long-horizon scale. */
    static final double SHORT_HORIZON_DAYS = 7;

    /**
     * The widening (or narrowing) of the slope spread that makes the simulated value at each past
     * horizon hold the raw value there as often as the confidence says, separately for short and
     * long horizons: the smallest of {@link #SCALES} under which at least ⌈c·n⌉ of the n
     * errors of a group are inside. Not split-conformal's ⌈c·(n+1)⌉: the past forecasts were
     * fitted on less history than the present one and already err wider than it will (with it, a
     * clean linear fill's 80 % intervals beyond 14 days held 92.7 % of first touches; without it
     * 89.3 %, the drifting family's 71.1 → 68.4 % before its wander floor was raised). A group
     * with fewer than {@link #MIN_ERRORS} errors keeps the backtest's own spread (×1): a widening of ×8 that errors a day ahead
     * needed says what the residuals missed there, not how wrong the slope is weeks ahead (carried
     * out there, a young memory climb's 80 % intervals 3–14 days out held 95 % of first touches;
     * held to ×1–×2 there, 91.2 % at 60 draws; at ×1, 89.0 %). With neither group, the scale is
     * {@link #UNCALIBRATED_SCALE}.
     */
    static Calibration calibrate(Plan plan, double[] draws, double[] residuals, double confidence, long seed) {
        return calibrate(plan, draws, (t, pick) -> residuals[Math.floorMod(pick, residuals.length)], residuals.length, confidence, seed);
    }

    /** The residual a path would have at a time (epoch ms), from past block {@code pick} (any int). */
    interface ResidualAt {
        double at(long targetMillis, int pick);
    }

    /** As above, each past error judged against the residuals the simulation would give at its time. */
    static Calibration calibrate(Plan plan, double[] draws, ResidualAt residuals, int residualCount, double confidence, long seed) {
        double[] e = plan.rawErrors();
        double[] h = plan.rawHorizons();
        long[] t = plan.rawTargets();
        double[] q = plan.rawSpreadRatios();
        int n = e == null ? 0 : e.length;
        if (n < MIN_ERRORS || residualCount == 0) {
            return new Calibration(UNCALIBRATED_SCALE, 0, n, Double.NaN, UNCALIBRATED_SCALE, 0, 0, Double.NaN, 0);
        }
        int nShort = 0;
        for (double x : h) {
            if (x <= SHORT_HORIZON_DAYS) {
                nShort++;
            }
        }
        double[] es = new double[nShort];
        double[] hs = new double[nShort];
        long[] ts = new long[nShort];
        double[] el = new double[n - nShort];
        double[] hl = new double[n - nShort];
        long[] tl = new long[n - nShort];
        double[] qs = new double[nShort];
        double[] ql = new double[n - nShort];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            long ti = t == null ? Long.MIN_VALUE : t[i];
            double qi = q == null ? 1 : q[i];
            if (h[i] <= SHORT_HORIZON_DAYS) {
                es[a] = e[i];
                ts[a] = ti;
                qs[a] = qi;
                hs[a++] = h[i];
            } else {
                el[b] = e[i];
                tl[b] = ti;
                ql[b] = qi;
                hl[b++] = h[i];
            }
        }
        double shortDays = nShort == 0 ? SHORT_HORIZON_DAYS : Robust.median(hs);
        // Without long-horizon errors the long scale sits as far beyond the longest horizon judged as that horizon (at
        // least a day): a scale judged a few hours ahead says little about a week ahead (a fresh climb's ×8, carried
        // to a week beyond, held its 80 % intervals 3-14 days out to 95.8 % of first touches; this way 94.3 %).
        double longest = 0;
        for (double x : h) {
            longest = Math.max(longest, x);
        }
        double longDays = n - nShort == 0 ? longest + Math.max(1, longest) : Math.max(shortDays, Robust.median(hl));
        boolean shortOk = nShort >= MIN_ERRORS;
        boolean longOk = n - nShort >= MIN_ERRORS;
        if (!shortOk && !longOk) {
            // Enough errors in all, too few in each group: one scale from all of them.
            double[] all = fitScale(e, h, t, q, draws, plan.walkSd(), residuals, confidence, seed);
            double days = Robust.median(h);
            return new Calibration(all[0], days, n, all[1], all[0], days, n, all[1], all[2]);
        }
        // A group too small to calibrate keeps the backtest's own spread.
        double[] shortFit = shortOk ? fitScale(es, hs, ts, qs, draws, plan.walkSd(), residuals, confidence, seed) : new double[] {1, Double.NaN, 0};
        double[] longFit = longOk ? fitScale(el, hl, tl, ql, draws, plan.walkSd(), residuals, confidence, seed) : new double[] {1, Double.NaN, 0};
        // A level spread is a short-horizon matter: weeks ahead the slope's spread dwarfs it.
        return new Calibration(shortFit[0], shortDays, nShort, shortFit[1], longFit[0], longDays, n - nShort, longFit[1], shortFit[2]);
    }

    /**
     * Level spreads tried (multiples of the group's own robust error spread), smallest first, when
     * even the widest slope spread holds too few of a group's past errors: an error that does not
     * grow with the horizon (the fit's level was off, an offset the residuals do not carry) is
     * widened by a slope spread only in proportion to the horizon, so a day ahead it barely moves.
     */
    static final double[] LEVELS = {0.1, 0.125, 0.16, 0.2, 0.25, 0.32, 0.4, 0.5, 0.63, 0.8, 1, 1.25, 1.6, 2, 2.5, 3};
    /** The level spread is added only when the widest slope spread holds less than this share of what the band promises ({@link #fitScale}). */
    static final double GROSS_SHORTFALL = 0.5;

    /**
     * {scale, coverage reached, level spread (units; 0 for none)} for one group of past errors;
     * {1, NaN, 0} for an empty group. When no scale reaches the coverage and the widest holds less
     * than {@link #GROSS_SHORTFALL} of it, the smallest of {@link #LEVELS} that does at the widest
     * scale is added, and the scale is then narrowed as far as the errors allow with it (the widest
     * of both when nothing does). A shortfall the widest scale nearly meets is left to it: on the
     * benchmark a level spread there tipped over-covered cells over (resize under 3 days 88.2 →
     * 90.1 %, seed 4; accelerating 3-14 days 90.0 → 90.1 %, seed 1); kept to gross shortfalls it
     * moved none of them, and still held the demo's memory leak (past forecasts inside ×8 16 % of
     * the time: its interval, all on one day, missed the next day's first touch).
     */
    private static double[] fitScale(double[] e, double[] h, long[] t, double[] q, double[] draws, double walkSd, ResidualAt residuals, double confidence, long seed) {
        int n = e.length;
        if (n == 0) {
            return new double[] {1, Double.NaN, 0};
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed ^ 0xC0FFEEL);
        int k = 128;
        int[] di = new int[k];
        int[] ri = new int[k];
        double[] wz = new double[k];
        for (int j = 0; j < k; j++) {
            di[j] = rnd.nextInt(draws.length);
            ri[j] = rnd.nextInt(Integer.MAX_VALUE);
        }
        // Without the wander floor: judged with it, past errors that share one excursion would narrow the slope spread instead.
        // A past error whose own fit was shorter is judged against the spread that fit had (q), not the present one's.
        if (walkSd > 0) {
            for (int j = 0; j < k; j++) {
                wz[j] = walkSd * gaussian(rnd);
            }
        }
        int need = Math.min(n, (int) Math.ceil(confidence * n - 1e-9));
        double[] v = new double[k];
        double coverage = 0;
        double[][] rv = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                rv[i][j] = residuals.at(t == null ? Long.MIN_VALUE : t[i], ri[j]);
            }
        }
        for (double scale : SCALES) {
            int covered = covered(e, h, q, scale, draws, di, wz, rv, null, 0, v, confidence);
            coverage = (double) covered / n;
            if (covered >= need) {
                return new double[] {scale, coverage, 0};
            }
        }
        double widest = SCALES[SCALES.length - 1];
        if (coverage >= GROSS_SHORTFALL * confidence) {
            return new double[] {widest, coverage, 0};
        }
        double[] lz = new double[k];
        for (int j = 0; j < k; j++) {
            lz[j] = gaussian(rnd);
        }
        double unit = spreadOf(e);
        double level = 0;
        if (unit > 0) {
            for (double m : LEVELS) {
                level = m * unit;
                int covered = covered(e, h, q, widest, draws, di, wz, rv, lz, level, v, confidence);
                coverage = (double) covered / n;
                if (covered >= need) {
                    // With the level spread holding what did not grow, the slope spread may need less than the widest.
                    for (double scale : SCALES) {
                        int c = scale == widest ? covered : covered(e, h, q, scale, draws, di, wz, rv, lz, level, v, confidence);
                        if (c >= need) {
                            return new double[] {scale, (double) c / n, level};
                        }
                    }
                }
            }
        }
        return new double[] {widest, coverage, level};
    }

    /** The robust spread of {@code e} (1.4826·MAD); when most are alike, their mean distance from the median instead. */
    private static double spreadOf(double[] e) {
        double sd = Robust.madSigma(e);
        if (sd == 0) {
            double m = Robust.median(e);
            for (double x : e) {
                sd += Math.abs(x - m) / e.length;
            }
        }
        return sd;
    }

    /** How many of the errors {@code e} the band at {@code scale}, with a level spread {@code level} (units) over {@code lz}, holds. */
    private static int covered(double[] e, double[] h, double[] q, double scale, double[] draws, int[] di, double[] wz, double[][] rv,
                               double[] lz, double level, double[] v, double confidence) {
        int k = v.length;
        int covered = 0;
        for (int i = 0; i < e.length; i++) {
            double spread = scale * (q == null ? 1 : q[i]);
            double root = Math.sqrt(h[i]);
            for (int j = 0; j < k; j++) {
                v[j] = spread * (draws[di[j]] * h[i] + wz[j] * root) + rv[i][j] + (lz == null ? 0 : level * lz[j]);
            }
            java.util.Arrays.sort(v);
            double lo = v[(int) Math.floor((1 - confidence) / 2 * (k - 1))];
            double hi = v[(int) Math.ceil((1 + confidence) / 2 * (k - 1))];
            if (e[i] >= lo && e[i] <= hi) {
                covered++;
            }
        }
        return covered;
    }

    /**
     * For each of the window's past errors (measured at {@code targets}, epoch ms, {@code horizons}
     * days after its origin) of a quadratic fitted from {@code fitFromMillis} to its origin, how much wider its
     * forecast's spread was than that of the present fit (from {@code fitFromMillis} to
     * {@code atMillis}) at the same horizon: the square root of the ratio of the two fits'
     * prediction variances, points evenly spread and as dense in both. 1 for a fit as long.
     */
    static double[] curveSpreadRatios(long[] targets, double[] horizons, long fitFromMillis, long atMillis) {
        double l0 = (atMillis - fitFromMillis) / Window.DAY_MILLIS;
        double[] r = new double[targets.length];
        for (int i = 0; i < r.length; i++) {
            double li = (targets[i] - horizons[i] * Window.DAY_MILLIS - fitFromMillis) / Window.DAY_MILLIS;
            r[i] = curveRatio(li, l0, horizons[i]);
        }
        return r;
    }

    /** {@link #curveSpreadRatios}' ratio for a fit of {@code li} days against one of {@code l0}, {@code h} days ahead. */
    static double curveRatio(double li, double l0, double h) {
        return li <= 0 || li >= l0 ? 1 : Math.sqrt(curveVariance(1 + h / li) * l0 / (curveVariance(1 + h / l0) * li));
    }

    /**
     * A quadratic least-squares fit's prediction variance at {@code t} (the fit spans 0 to 1,
     * points evenly spread), in units of the noise variance over the number of points:
     * (1, t, t²) M⁻¹ (1, t, t²)ᵀ with M the moments of the uniform design (the 3×3 Hilbert
     * matrix). 9 at the fit's end.
     */
    static double curveVariance(double t) {
        return 9 - 72 * t + 252 * t * t - 360 * t * t * t + 180 * t * t * t * t;
    }

    /** One slope perturbation per path: past rate errors resampled (centred), or a normal of the plan's spread. */
    private static double[] slopeDraws(Plan plan, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] d = new double[FirstTouch.PATHS];
        double[] e = plan.rateErrors();
        if (e != null && e.length > 0) {
            double centre = Robust.median(e);
            for (int i = 0; i < d.length; i++) {
                d[i] = e[rnd.nextInt(e.length)] - centre;
            }
            return d;
        }
        double sd = Double.isFinite(plan.slopeSd()) ? plan.slopeSd() : 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = sd * gaussian(rnd);
        }
        return d;
    }

    private static double gaussian(java.util.SplittableRandom rnd) {
        return FirstTouch.gaussian(rnd);
    }

    private static ProjectedPath toPath(FirstTouch.Result r, long atMillis) {
        long[] t = new long[r.gridDays().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = atMillis + Math.round(r.gridDays()[i] * Window.DAY_MILLIS);
        }
        return new ProjectedPath(t, r.median(), r.low(), r.high());
    }

    /** The data hash's first 16 hex digits: the same points always give the same simulation. */
    static long seedOf(String sha) {
        return sha == null || sha.length() < 16 ? 42L : Long.parseUnsignedLong(sha.substring(0, 16), 16);
    }

    /** A rate in words, in the unit of the projected series {@code s}: {@code −2.05 GB/day}. */
    static String perDay(double v, Series s) {
        return Units.of(s.key().name()).perDay(v);
    }

    static String pct(double c) {
        return Math.round(c * 100) + " %";
    }

    private static Long nanToNull(double days, long atMillis) {
        return Double.isNaN(days) ? null : atMillis + Math.round(days * Window.DAY_MILLIS);
    }

    /**
     * The least-squares slope's standard error on the window's last segment, units per day; NaN
     * when there is no fit. (Widening it for the residuals' autocorrelation, or by three as
     * when uncalibrated, made the intervals of a clean linear fill hold 93–95 % for 80 %.)
     */
    static double slopeStdErr(Window w) {
        int from = w.lastSegmentStart(w.size());
        if (w.size() - from < MIN_POINTS) {
            return Double.NaN;
        }
        org.apache.commons.math3.stat.regression.SimpleRegression r = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = from; i < w.size(); i++) {
            r.addData(w.x()[i], w.y()[i]);
        }
        return r.getSlopeStdErr();
    }

    /** The draws scaled up, about their median, until their standard deviation is at least {@code sd}. */
    static double[] atLeast(double[] draws, double sd) {
        double centre = Robust.median(draws);
        double ss = 0;
        for (double d : draws) {
            ss += (d - centre) * (d - centre);
        }
        double have = Math.sqrt(ss / draws.length);
        if (!(sd > 0) || have >= sd) {
            return draws;
        }
        double[] out = new double[draws.length];
        if (have == 0) {
            // nothing to scale: evenly spaced normal quantiles of that spread
            org.apache.commons.math3.distribution.NormalDistribution nd = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, sd);
            for (int i = 0; i < out.length; i++) {
                out[i] = centre + nd.inverseCumulativeProbability((i + 0.5) / out.length);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = centre + (draws[i] - centre) * sd / have;
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
            return with(eta, low, high, method, reason, fit, bt, null);
        }

        Projection with(Long eta, Long low, Long high, String method, String reason, Fit fit, BacktestSummary bt, ProjectedPath path) {
            return new Projection(series.key(), req.atMillis(), value, req.threshold(), req.direction(), eta, low, high,
                    req.confidence(), method, reason, fit, bt, sha, Projection.READY, null, path);
        }

        Projection learning(String reason, long needsMoreSeconds) {
            return new Projection(series.key(), req.atMillis(), value, req.threshold(), req.direction(), null, null, null,
                    req.confidence(), "learning", reason, null, BacktestSummary.none(), sha, Projection.LEARNING, needsMoreSeconds, null);
        }
    }
}
