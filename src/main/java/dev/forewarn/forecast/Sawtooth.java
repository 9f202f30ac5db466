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
 * maximum would be biased); the envelope is the least-squares line through the peaks. The
 * projection is the earlier of: the current cycle reaching the threshold before the next
 * expected cleanup, or the cycle whose peak, on the envelope, first reaches it.
 */
final class Sawtooth {

    private final double sign;
    private final double threshold;
    private final double[] peakDays;
    private final double[] peaks;
    private final double cycleDays;
    private final double nextReliefDays;
    private final long atMillis;

    private Sawtooth(double sign, double threshold, double[] peakDays, double[] peaks, double cycleDays, double nextReliefDays, long atMillis) {
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
        double sinceLast = (atMillis - reliefs.get(reliefs.size() - 1).timeMillis()) / Window.DAY_MILLIS;
        if (sinceLast > 1.5 * cycle) {
            return null; // the cleanups have stopped: treat the series as it is now
        }
        List<Double> pd = new ArrayList<>();
        List<Double> pv = new ArrayList<>();
        long cycleStart = s.firstMillis();
        for (LevelShifts.Shift r : reliefs) {
            Series c = s.between(cycleStart, r.timeMillis() - 1);
            cycleStart = r.timeMillis();
            if (c.size() < 5 || c.spanMillis() < 0.25 * cycle * Window.DAY_MILLIS) {
                continue;
            }
            double[] x = new double[c.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (c.timeMillis(i) - atMillis) / Window.DAY_MILLIS;
            }
            double b = Robust.theilSenSlope(x, c.values(), null);
            double a = Robust.intercept(x, c.values(), b, 0, x.length);
            double end = (r.timeMillis() - atMillis) / Window.DAY_MILLIS;
            pd.add(end);
            pv.add(a + b * end);
        }
        if (pd.size() < 2) {
            return null;
        }
        return new Sawtooth(sign, threshold, pd.stream().mapToDouble(Double::doubleValue).toArray(),
                pv.stream().mapToDouble(Double::doubleValue).toArray(), cycle,
                Math.max(1.0 / 24, cycle - sinceLast), atMillis);
    }

    Projection project(ForecastEngine.Out out, FittedModel fit, DoubleUnaryOperator pess, DoubleUnaryOperator opt,
                       String method, String why, Fit regimeFit, BacktestSummary bt, double horizonDays, double confidence) {
        Direction dir = sign > 0 ? Direction.UP : Direction.DOWN;
        String cycleWords = String.format(Locale.ROOT, "cleanups every %.1f days, next expected about %s",
                cycleDays, Times.iso(atMillis + Math.round(nextReliefDays * Window.DAY_MILLIS)));
        double etaD = Crossing.firstDays(fit.path(), threshold, dir, horizonDays);
        if (!Double.isNaN(etaD) && etaD <= nextReliefDays) {
            double lowD = Crossing.firstDays(pess, threshold, dir, horizonDays);
            double highD = Crossing.firstDays(opt, threshold, dir, horizonDays);
            return out.with(out.at(etaD), out.at(Double.isNaN(lowD) ? etaD : Math.min(lowD, etaD)),
                    Double.isNaN(highD) ? null : out.at(Math.max(highD, etaD)),
                    method + ", before the next expected cleanup",
                    "sawtooth (" + cycleWords + ") but the current cycle reaches the threshold first; " + why, regimeFit, bt);
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
        double inCycle = sign * fit.slopePerDay() > 0 ? fit.slopePerDay() : 0;
        double eta = cycleCrossing(a, b, inCycle, horizonDays);
        double low = cycleCrossing(a, b + sign * spread, inCycle, horizonDays);
        double high = sign * (b - sign * spread) > 0 ? cycleCrossing(a, b - sign * spread, inCycle, horizonDays) : Double.NaN;
        if (Double.isNaN(eta)) {
            return out.with(null, Double.isNaN(low) ? null : out.at(low), null, envMethod,
                    base + "; the peaks do not reach the threshold within the horizon", envFit, bt);
        }
        return out.with(out.at(eta), out.at(Double.isNaN(low) ? eta : Math.min(low, eta)),
                Double.isNaN(high) ? null : out.at(Math.max(high, eta)), envMethod, base + "; " + why, envFit, bt);
    }

    /**
     * The first future cycle whose envelope peak reaches the threshold, and when within that
     * cycle the fill (at the in-cycle rate) passes it.
     */
    private double cycleCrossing(double a, double b, double inCycleRate, double horizonDays) {
        for (double p = nextReliefDays; p <= horizonDays + cycleDays; p += cycleDays) {
            double peak = a + b * p;
            if (sign * (peak - threshold) >= 0) {
                double back = inCycleRate != 0 ? (peak - threshold) / inCycleRate : 0;
                double d = Math.max(p - cycleDays, Math.max(0, p - Math.abs(back)));
                return d <= horizonDays ? d : Double.NaN;
            }
        }
        return Double.NaN;
    }
}
