package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
import dev.forewarn.series.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A series that fills, is cleaned, and fills again. Recognised from at least two level shifts
 * away from the threshold ("reliefs": cleanups, rotations) that are still recurring. Each
 * finished cycle's peak is its robust trend line evaluated at the moment of the cleanup (a noisy
 * maximum would be biased), kept within the range of the cycle's last tenth; the envelope is the least-squares line through the peaks. The
 * projection is the earlier of: the current cycle reaching the threshold before the next
 * expected cleanup, or the cycle whose peak, on the envelope, first reaches it.
 */
final class Sawtooth {

    /** Cleanups closer together than this do not make a sawtooth. */
    static final double MIN_CYCLE_DAYS = 0.25;
    /**
     * A cleanup frees about what its cycle filled: when the median over the cycles of fill
     * toward the threshold per relief is below this share, or above its inverse, the reliefs are
     * the edges of something else. A nightly spool whose return the shift finder caught on a few
     * days only (8 GB rises under a 250 GB spool, on Saturdays and Sundays) makes cycles that
     * filled nothing, or that end inside the spool and filled twenty times their relief; taken
     * for a sawtooth, the spool's residual days put its dip onto the projected peak, a false touch.
     */
    static final double MIN_FILL_SHARE = 0.3;
    /** Peaks needed before the envelope may give a date: two give one difference and no error estimate. */
    static final int MIN_PEAKS_FOR_DATE = 3;

    private final double sign;
    private final double threshold;
    private final double[] peakDays;
    private final double[] peaks;
    private final double cycleDays;
    private final double nextReliefDays;
    private final long atMillis;
    private final List<Series> cycles;
    private final List<Long> cycleStarts;
    private final Series recent;
    private final double[] fills;
    private final double[] starts0;
    private final double[] ends0;
    private final double[] lineA;
    private final double[] lineB;
    private final long[] reliefTimes;

    private Sawtooth(double sign, double threshold, double[] peakDays, double[] peaks, double cycleDays, double nextReliefDays, long atMillis,
                     List<Series> cycles, List<Long> cycleStarts, Series recent, double[][] lines, long[] reliefTimes) {
        this.fills = lines[0];
        this.starts0 = lines[1];
        this.ends0 = lines[2];
        this.lineA = lines[3];
        this.lineB = lines[4];
        this.reliefTimes = reliefTimes;
        this.cycles = cycles;
        this.cycleStarts = cycleStarts;
        this.recent = recent;
        this.sign = sign;
        this.threshold = threshold;
        this.peakDays = peakDays;
        this.peaks = peaks;
        this.cycleDays = cycleDays;
        this.nextReliefDays = nextReliefDays;
        this.atMillis = atMillis;
    }

    static Sawtooth detect(Series s, List<LevelShifts.Shift> shifts, Direction direction, long atMillis, double threshold) {
        double sign = direction == Direction.UP ? 1 : -1;
        List<LevelShifts.Shift> reliefs = new ArrayList<>();
        for (LevelShifts.Shift sh : shifts) {
            if (sign * sh.size() < 0) {
                reliefs.add(rampEnd(s, sh, sign, reliefs.isEmpty() ? Long.MIN_VALUE : reliefs.get(reliefs.size() - 1).timeMillis()));
            }
        }
        if (reliefs.size() < 2) {
            return null;
        }
        double[] gaps = new double[reliefs.size() - 1];
        for (int i = 1; i < reliefs.size(); i++) {
            gaps[i - 1] = (reliefs.get(i).timeMillis() - reliefs.get(i - 1).timeMillis()) / Window.DAY_MILLIS;
        }
        double cycle = Robust.median(gaps);
        if (cycle < MIN_CYCLE_DAYS) {
            return null; // drops every few hours are a noisy signal, not a fill that is cleaned
        }
        double sinceLast = (atMillis - reliefs.get(reliefs.size() - 1).timeMillis()) / Window.DAY_MILLIS;
        if (sinceLast > 1.5 * cycle) {
            return null; // the cleanups have stopped: treat the series as it is now
        }
        List<Double> pd = new ArrayList<>();
        List<Double> pv = new ArrayList<>();
        List<Series> cycles = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        long cycleStart = s.firstMillis();
        List<Double> fillL = new ArrayList<>();
        List<Double> sL = new ArrayList<>();
        List<Double> eL = new ArrayList<>();
        List<Double> aL = new ArrayList<>();
        List<Double> bL = new ArrayList<>();
        List<Double> fillPerRelief = new ArrayList<>();
        for (LevelShifts.Shift r : reliefs) {
            Series c = s.between(cycleStart, r.timeMillis() - 1);
            long thisStart = cycleStart;
            cycleStart = r.timeMillis();
            if (c.size() < 5 || c.spanMillis() < 0.25 * cycle * Window.DAY_MILLIS) {
                continue;
            }
            if (thisStart != s.firstMillis()) {
                cycles.add(c);
                starts.add(thisStart);
            }
            double[] x = new double[c.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (c.timeMillis(i) - atMillis) / Window.DAY_MILLIS;
            }
            double b = Robust.theilSenSlope(x, c.values(), null);
            double a = Robust.intercept(x, c.values(), b, 0, x.length);
            double end = (r.timeMillis() - atMillis) / Window.DAY_MILLIS;
            // The line's end is the peak of a steady fill; when the cycle fills in bursts (busy hours,
            // then quiet) the line overshoots, so the peak is kept within what the cycle's last tenth showed.
            int tail = Math.max(3, c.size() / 10);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = c.size() - tail; i < c.size(); i++) {
                lo = Math.min(lo, c.value(i));
                hi = Math.max(hi, c.value(i));
            }
            pd.add(end);
            double peak = Math.max(lo, Math.min(hi, a + b * end));
            pv.add(peak);
            // For the simulation each cycle is the straight line from its start level to its end
            // level (medians of its first and last tenth): what lies between, bursts and the
            // working-day rhythm, is left to the residuals, which come back at the same phase.
            double startLevel = Robust.median(java.util.Arrays.copyOfRange(c.values(), 0, tail));
            double endLevel = Robust.median(java.util.Arrays.copyOfRange(c.values(), c.size() - tail, c.size()));
            double lb = (endLevel - startLevel) / Math.max(1e-9, end - x[0]);
            fillL.add(endLevel - startLevel);
            fillPerRelief.add(sign * (endLevel - startLevel) / Math.max(1e-300, Math.abs(r.size())));
            sL.add(x[0]);
            eL.add(end);
            aL.add(startLevel - lb * x[0]);
            bL.add(lb);
        }
        if (pd.size() < 2) {
            return null;
        }
        double share = Robust.median(fillPerRelief.stream().mapToDouble(Double::doubleValue).toArray());
        if (share < MIN_FILL_SHARE || share > 1 / MIN_FILL_SHARE) {
            return null;
        }
        return new Sawtooth(sign, threshold, pd.stream().mapToDouble(Double::doubleValue).toArray(),
                pv.stream().mapToDouble(Double::doubleValue).toArray(), cycle,
                Math.max(1.0 / 24, cycle - sinceLast), atMillis, cycles, starts,
                s.between(reliefs.get(reliefs.size() - 1).timeMillis(), atMillis),
                new double[][] {arr(fillL), arr(sL), arr(eL), arr(aL), arr(bL)},
                reliefs.stream().mapToLong(LevelShifts.Shift::timeMillis).toArray());
    }

    /** Share of a cycle by which a fill has made some of its way; a burst has made none of it. */
    static final double EARLY_SHARE = 2.0 / 3;
    /** Below this median share of its fill made by {@link #EARLY_SHARE} of the cycle, the cycles are bursts. */
    static final double MIN_EARLY_FILL = 0.25;

    /**
     * Whether the finished cycles hold their level for most of the cycle and make their whole
     * move toward the threshold in the last hours before the relief (a nightly spool written,
     * held and deleted): the median share of the cycle's move made by two thirds of the cycle is
     * under a quarter. That is a flat series with a recurring excursion, not a fill that is
     * cleaned: a cycle line drawn from its start to its end level puts the excursion into the
     * residuals of every hour before it, and a residual day placed where the projected cycle
     * already dips adds the dip twice. The trend models with day-block residuals carry the
     * excursion at the hour it happens instead, and the reliefs are no regime boundaries (a
     * segment that ends in its burst would give the trend a slope toward the threshold).
     * {@code reliefs} are the moves away from the threshold, in time order.
     */
    static boolean burstOnly(Series s, List<LevelShifts.Shift> reliefs, double sign) {
        List<Double> shares = new ArrayList<>();
        for (int r = 1; r < reliefs.size(); r++) {
            Series c = s.between(reliefs.get(r - 1).timeMillis(), reliefs.get(r).timeMillis() - 1);
            int n = c.size();
            int tail = Math.max(3, n / 10);
            if (n < 3 * tail) {
                continue;
            }
            long at = c.firstMillis() + Math.round(EARLY_SHARE * c.spanMillis());
            int k = c.lowerBound(at);
            if (k - tail < tail) {
                continue;
            }
            double start = Robust.median(java.util.Arrays.copyOfRange(c.values(), 0, tail));
            double mid = Robust.median(java.util.Arrays.copyOfRange(c.values(), k - tail, k));
            double end = Robust.median(java.util.Arrays.copyOfRange(c.values(), n - tail, n));
            double move = sign * (end - start);
            if (move <= 0) {
                continue;
            }
            shares.add(sign * (mid - start) / move);
        }
        if (shares.size() < 2) {
            return false;
        }
        return Robust.median(shares.stream().mapToDouble(Double::doubleValue).toArray()) < MIN_EARLY_FILL;
    }

    /** How far around a relief its ramp is looked for, and how long after it the new level is read. */
    static final long RAMP_MILLIS = 3 * 3_600_000L;

    /**
     * The relief moved to the end of its ramp: the first raw point, from an hour before the shift
     * was placed, that has come within a tenth of the move of the new level (the median of the
     * three hours after). Shifts are found on bucket means, somewhere inside a deletion that
     * takes minutes to an hour; a cycle that began before its deletion ended would count the
     * rest of the deletion as a dip toward the threshold, and the simulation, placing that day's
     * residuals where the next cycle has not yet been relieved, would add the dip to the peak
     * (false touches on a nightly spool). Ending the cycle late leaves the ramp to the old cycle,
     * where it lies away from the threshold.
     */
    static LevelShifts.Shift rampEnd(Series s, LevelShifts.Shift sh, double sign, long previousMillis) {
        long t = sh.timeMillis();
        Series after = s.between(t + 1, t + RAMP_MILLIS);
        if (after.size() < 3) {
            return sh;
        }
        double level = Robust.median(after.values());
        double tol = 0.1 * Math.abs(sh.size());
        int from = s.lowerBound(Math.max(previousMillis + 1, t - 3_600_000L));
        int to = s.lowerBound(t + RAMP_MILLIS);
        for (int i = from; i < to; i++) {
            // A relief moves away from the threshold: -sign is its direction.
            if (-sign * (level - s.value(i)) <= tol) {
                return s.timeMillis(i) == t ? sh : new LevelShifts.Shift(sh.index(), s.timeMillis(i), sh.size());
            }
        }
        return sh;
    }

    private static double[] arr(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The sawtooth's mean path for the first-touch simulation, with its evidence. Past cycles are
     * their own robust lines (so the residuals are the deviations within each cycle); the current
     * cycle goes on from where it is toward its expected end the way the finished cycles went on
     * from the same point in their cycle; each later cycle starts after the cleanup a median fill
     * below (or above) the peak that the envelope gives for its end. The slope uncertainty is the
     * envelope's: its standard error with the t quantile, or, from fewer than
     * {@link #MIN_PEAKS_FOR_DATE} peaks, flat peaks with the measured slope as the spread.
     */
    ForecastEngine.Plan plan(FittedModel fit, double confidence) {
        String cycleWords = String.format(Locale.ROOT, "cleanups every %s days, next expected about %s",
                ModelChoice.num(cycleDays), Times.local(atMillis + Math.round(nextReliefDays * Window.DAY_MILLIS), java.time.ZoneId.systemDefault()));
        SimpleRegression shown = new SimpleRegression();
        for (int i = 0; i < peaks.length; i++) {
            shown.addData(peakDays[i], peaks[i]);
        }
        // The mean path is made of the cycles' own robust lines, so that the residuals about them
        // (bursts, the working-day rhythm) are added once: its envelope is that of the lines' ends.
        double[] lineEnds = new double[lineA.length];
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < lineEnds.length; i++) {
            lineEnds[i] = lineA[i] + lineB[i] * ends0[i];
            r.addData(ends0[i], lineEnds[i]);
        }
        double measured = shown.getSlope();
        boolean trusted = peaks.length >= MIN_PEAKS_FOR_DATE && Double.isFinite(r.getSlopeStdErr());
        double b = trusted ? r.getSlope() : 0;
        double a = trusted ? r.getIntercept() : lineEnds[lineEnds.length - 1];
        double slopeSd;
        double levelSd = 0;
        String spreadWords;
        if (trusted) {
            double t = new TDistribution(peaks.length - 2).inverseCumulativeProbability((1 + confidence) / 2);
            double z = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability((1 + confidence) / 2);
            // A t interval spread as a normal one: its sd is the half-width over z.
            slopeSd = r.getSlopeStdErr() * t / z;
            // How much one peak strays from the envelope (regression prediction scatter), as a level spread.
            levelSd = Math.sqrt(Math.max(0, r.getMeanSquareError()) * (1 + 1.0 / peaks.length)) * t / z;
            spreadWords = "the peaks' slope uncertainty from " + peaks.length + " peaks (the standard error of the line through the peaks, widened for so few peaks)";
        } else {
            slopeSd = Math.abs(measured);
            levelSd = peaks.length >= 2 ? Math.abs(peaks[peaks.length - 1] - peaks[peaks.length - 2]) : 0;
            spreadWords = "flat peaks: " + peaks.length + " peaks are too few to trust their trend ("
                    + ForecastEngine.perDay(measured, recent) + " taken as the spread)";
        }
        Double r2 = peaks.length >= 3 && Double.isFinite(shown.getRSquare()) ? shown.getRSquare() : null;
        Double sd = peaks.length >= 3 ? Math.sqrt(Math.max(0, shown.getMeanSquareError())) : null;
        Fit envFit = new Fit(peaks.length, atMillis + Math.round(peakDays[0] * Window.DAY_MILLIS),
                atMillis + Math.round(peakDays[peaks.length - 1] * Window.DAY_MILLIS), measured, r2, sd);
        String envMethod = String.format(Locale.ROOT, "envelope of %d cycle peaks (sawtooth)", peaks.length);
        // The current cycle: its own line for the past, then on toward its end at the pace past cycles kept from this point.
        double[] cx = new double[recent.size()];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = (recent.timeMillis(i) - atMillis) / Window.DAY_MILLIS;
        }
        // The current cycle: from its own start level at the typical in-cycle pace of the finished cycles.
        double fillRate = Robust.median(lineB);
        double cb = fillRate;
        int head = Math.max(1, Math.min(recent.size(), Math.max(3, lineA.length > 0 ? (int) Math.round(
                Math.max(3, cycleDays * Window.DAY_MILLIS / Math.max(1, recent.spanMillis() / Math.max(1, recent.size() - 1)) / 10)) : 3)));
        double ca = cx.length >= 1 ? Robust.median(java.util.Arrays.copyOfRange(recent.values(), 0, head)) - cb * cx[0] : fit.valueAt(0);
        double fill = Robust.median(fills);
        double[] sa = starts0;
        double[] ea = ends0;
        double[] la = lineA;
        double[] lb = lineB;
        double next = nextReliefDays;
        double cyc = cycleDays;
        double curA = ca;
        double curB = cb;
        double startCur = recent.isEmpty() ? 0 : (recent.firstMillis() - atMillis) / Window.DAY_MILLIS;
        DoubleUnaryOperator mean = d -> {
            if (d <= 0) {
                if (d >= startCur) {
                    return curA + curB * d;
                }
                for (int i = sa.length - 1; i >= 0; i--) {
                    if (d >= sa[i]) {
                        return la[i] + lb[i] * Math.min(d, ea[i]);
                    }
                }
                return curA + curB * d;
            }
            if (d <= next) {
                return curA + fillRate * d;
            }
            double k = Math.ceil((d - next) / cyc);
            double end = next + k * cyc;
            double peak = a + b * end;
            return peak - fill * (end - d) / cyc;
        };
        String why = "sawtooth: " + cycleWords + "; the next peak is projected at " + Units.of(recent.key().name()).format(mean.applyAsDouble(next))
                + ", the peaks move " + ForecastEngine.perDay(measured, recent) + "; slope spread: " + spreadWords;
        // Residual blocks as long as the cycle (in whole days), so a weekly cycle's working days and weekend stay where they are.
        int blockDays = (int) Math.max(1, Math.round(cycleDays));
        return new ForecastEngine.Plan(mean, null, slopeSd, levelSd, envMethod, why, envFit,
                startCur - (blockDays > 1 ? ForecastEngine.RESIDUAL_CYCLES : 3) * cycleDays, null, null, null, blockDays, next, 0, 0, null, null);
    }
}
