package dev.forewarn.forecast;

import dev.forewarn.series.Series;
import dev.forewarn.series.Times;
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

    private Sawtooth(double sign, double threshold, double[] peakDays, double[] peaks, double cycleDays, double nextReliefDays, long atMillis,
                     List<Series> cycles, List<Long> cycleStarts, Series recent) {
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
                reliefs.add(sh);
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
            pv.add(Math.max(lo, Math.min(hi, a + b * end)));
        }
        if (pd.size() < 2) {
            return null;
        }
        return new Sawtooth(sign, threshold, pd.stream().mapToDouble(Double::doubleValue).toArray(),
                pv.stream().mapToDouble(Double::doubleValue).toArray(), cycle,
                Math.max(1.0 / 24, cycle - sinceLast), atMillis, cycles, starts,
                s.between(reliefs.get(reliefs.size() - 1).timeMillis(), atMillis));
    }

    Projection project(ForecastEngine.Out out, FittedModel fit, DoubleUnaryOperator pess, DoubleUnaryOperator opt,
                       String method, String why, Fit regimeFit, BacktestSummary bt, double horizonDays, double confidence) {
        Direction dir = sign > 0 ? Direction.UP : Direction.DOWN;
        String cycleWords = String.format(Locale.ROOT, "cleanups every %.1f days, next expected about %s",
                cycleDays, Times.iso(atMillis + Math.round(nextReliefDays * Window.DAY_MILLIS)));
        double[] thisCycle = currentCycle();
        if (thisCycle != null) {
            return out.with(out.at(thisCycle[0]), out.at(thisCycle[1]), out.at(thisCycle[2]),
                    "current cycle, from how past cycles went on from this point",
                    "sawtooth (" + cycleWords + ") but the current cycle reaches the threshold before it; " + why, regimeFit, bt);
        }
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < peaks.length; i++) {
            r.addData(peakDays[i], peaks[i]);
        }
        double b = r.getSlope();
        double a = r.getIntercept();
        double spread;
        if (peaks.length >= 3 && Double.isFinite(r.getSlopeStdErr())) {
            double t = new TDistribution(peaks.length - 2).inverseCumulativeProbability((1 + confidence) / 2);
            spread = t * r.getSlopeStdErr();
        } else {
            spread = 0.5 * Math.abs(b); // two peaks give one difference: no error estimate, so a wide band
        }
        Double r2 = peaks.length >= 3 && Double.isFinite(r.getRSquare()) ? r.getRSquare() : null;
        Double sd = peaks.length >= 3 ? Math.sqrt(Math.max(0, r.getMeanSquareError())) : null;
        Fit envFit = new Fit(peaks.length, atMillis + Math.round(peakDays[0] * Window.DAY_MILLIS),
                atMillis + Math.round(peakDays[peaks.length - 1] * Window.DAY_MILLIS), b, r2, sd);
        String envMethod = String.format(Locale.ROOT, "envelope of %d cycle peaks (sawtooth)", peaks.length);
        String base = "sawtooth: " + cycleWords + "; the next peak is projected at " + ModelChoice.num(fit.valueAt(nextReliefDays))
                + ", the peaks move " + ForecastEngine.perDay(b);
        if (sign * b <= 0 || sign * (b + sign * spread) <= 0 && sign * (b - sign * spread) <= 0) {
            return out.with(null, null, null, envMethod, base + ", not toward the threshold", envFit, bt);
        }
        if (peaks.length < MIN_PEAKS_FOR_DATE) {
            return out.with(null, null, null, envMethod, base + "; needs " + MIN_PEAKS_FOR_DATE
                    + " finished cycles before the peaks' trend is trusted, has " + peaks.length, envFit, bt);
        }
        if (sign * (b - sign * spread) <= 0) {
            return out.with(null, null, null, envMethod, base + ", but that is not significant (the "
                    + Math.round(confidence * 100) + " % band includes flat peaks)", envFit, bt);
        }
        double inCycle = sign * fit.slopePerDay() > 0 ? fit.slopePerDay() : 0;
        DoubleUnaryOperator band = peakBand(r, peakDays, confidence);
        double eta = cycleCrossing(p -> a + b * p, inCycle, horizonDays);
        double low = cycleCrossing(p -> a + b * p + sign * band.applyAsDouble(p), inCycle, horizonDays);
        double high = cycleCrossing(p -> a + b * p - sign * band.applyAsDouble(p), inCycle, horizonDays);
        if (Double.isNaN(eta)) {
            return out.with(null, Double.isNaN(low) ? null : out.at(low), null, envMethod,
                    base + "; the peaks do not reach the threshold within the horizon", envFit, bt);
        }
        return out.with(out.at(eta), out.at(Double.isNaN(low) ? eta : Math.min(low, eta)),
                Double.isNaN(high) ? null : out.at(Math.max(high, eta)), envMethod, base + "; " + why, envFit, bt);
    }

    /**
     * Whether the current cycle reaches the threshold before the next cleanup, judged by how the
     * finished cycles went on from the same point in their cycle (their change from this phase to
     * their peak), not by a straight line: cycles often fill in bursts (busy hours) and then rest.
     * Returns {eta, low, high} in days, or null when it does not.
     */
    private double[] currentCycle() {
        if (recent.isEmpty() || cycles.isEmpty()) {
            return null;
        }
        long phase = atMillis - recent.firstMillis();
        int tail = Math.max(1, Math.min(6, recent.size()));
        double now = Robust.median(java.util.Arrays.copyOfRange(recent.values(), recent.size() - tail, recent.size()));
        List<Double> changes = new ArrayList<>();
        for (int k = 0; k < cycles.size(); k++) {
            Series c = cycles.get(k);
            long t = cycleStarts.get(k) + phase;
            if (t > c.lastMillis()) {
                continue;
            }
            Series around = c.between(t - 3_600_000L, t + 3_600_000L);
            if (around.isEmpty()) {
                continue;
            }
            double[] endVals = java.util.Arrays.copyOfRange(c.values(), Math.max(0, c.size() - Math.max(3, c.size() / 10)), c.size());
            changes.add(Robust.median(endVals) - Robust.median(around.values()));
        }
        if (changes.isEmpty()) {
            return null;
        }
        double[] ch = changes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mid = Robust.median(ch);
        double worst = sign > 0 ? ch[ch.length - 1] : ch[0];
        double best = sign > 0 ? ch[0] : ch[ch.length - 1];
        if (sign * (now + worst - threshold) < 0) {
            return null; // not even the worst past cycle would take it there
        }
        double remaining = nextReliefDays;
        double eta = sign * (now + mid - threshold) >= 0 ? remaining * (threshold - now) / mid : Double.NaN;
        if (Double.isNaN(eta)) {
            return null; // only the worst past cycle reaches it: the projection says no, the interval says maybe
        }
        double low = remaining * (threshold - now) / worst;
        double high = sign * (now + best - threshold) >= 0 ? remaining * (threshold - now) / best : remaining;
        return new double[] {Math.max(0, eta), Math.max(0, Math.min(low, eta)), Math.max(eta, high)};
    }

    /**
     * Half-width of the prediction interval for a future peak at day {@code p}: the peaks'
     * residual scatter, the intercept's and the slope's uncertainty together (the usual
     * regression prediction interval). The slope's error alone let both bounds fall in the same
     * cycle, and the in-cycle fill rate then pinned the crossing to within minutes.
     */
    private static DoubleUnaryOperator peakBand(SimpleRegression r, double[] xs, double confidence) {
        long n = r.getN();
        double mse = r.getMeanSquareError();
        double sxx = r.getXSumSquares();
        if (n < 3 || !Double.isFinite(mse) || !(sxx > 0)) {
            return p -> 0;
        }
        double t = new TDistribution(n - 2).inverseCumulativeProbability((1 + confidence) / 2);
        double xbar = java.util.Arrays.stream(xs).average().orElse(0);
        return p -> t * Math.sqrt(mse * (1 + 1.0 / n + (p - xbar) * (p - xbar) / sxx));
    }

    /**
     * The first future cycle whose envelope peak reaches the threshold, and when within that
     * cycle the fill (at the in-cycle rate) passes it.
     */
    private double cycleCrossing(DoubleUnaryOperator peakAt, double inCycleRate, double horizonDays) {
        for (double p = nextReliefDays; p <= horizonDays + cycleDays; p += cycleDays) {
            double peak = peakAt.applyAsDouble(p);
            if (sign * (peak - threshold) >= 0) {
                double back = inCycleRate != 0 ? (peak - threshold) / inCycleRate : 0;
                double d = Math.max(p - cycleDays, Math.max(0, p - Math.abs(back)));
                return d <= horizonDays ? d : Double.NaN;
            }
        }
        return Double.NaN;
    }
}
