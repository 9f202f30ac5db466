package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The slope spread is scaled by what past forecasts' raw errors say, per horizon: narrower when
 * they show the band too wide, wider when too narrow, never narrower without enough of them; a
 * sawtooth's peak-level spread leaves the cycle under way alone; a path starts from the present
 * deviation for as long as the residuals' autocorrelation lasts.
 */
class SpreadCalibrationTest {

    private static final double CONFIDENCE = 0.8;
    private static final java.util.function.DoubleFunction<String> UNITS = x -> String.format(java.util.Locale.ROOT, "%.2f units", x);

    /** Slope draws of sd 1 unit/day, as the engine would pass them. */
    private static double[] unitDraws() {
        SplittableRandom r = new SplittableRandom(5);
        double[] d = new double[FirstTouch.PATHS];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(-2 * Math.log(Math.max(1e-300, r.nextDouble()))) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return d;
    }

    /** Residuals: small white noise of sd {@code sd}. */
    private static double[] noise(double sd) {
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd * (r.nextDouble() - 0.5) * Math.sqrt(12);
        }
        return x;
    }

    private static ForecastEngine.Plan plan(double[] errors, double[] horizons) {
        return new ForecastEngine.Plan(d -> 0, null, 1, 0, "test", "test", null, -28, new long[0], errors, horizons, 1, 0, 0, 0, null, null);
    }

    /** {@code n} past errors at {@code h} days whose spread is {@code sdPerDay·h}, from a fixed seed. */
    private static double[][] errors(int n, double h, double sdPerDay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] e = new double[n];
        double[] hs = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = sdPerDay * h * Math.sqrt(-2 * Math.log(Math.max(1e-300, r.nextDouble()))) * Math.cos(2 * Math.PI * r.nextDouble());
            hs[i] = h;
        }
        return new double[][] {e, hs};
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[] e = new double[a[0].length + b[0].length];
        double[] h = new double[e.length];
        System.arraycopy(a[0], 0, e, 0, a[0].length);
        System.arraycopy(b[0], 0, e, a[0].length, b[0].length);
        System.arraycopy(a[1], 0, h, 0, a[1].length);
        System.arraycopy(b[1], 0, h, a[1].length, b[1].length);
        return new double[][] {e, h};
    }

    @Test
    void pastErrorsFarSmallerThanTheSpreadNarrowItAndLargerOnesWidenIt() {
        double[][] small = errors(30, 4, 0.2, 1);
        ForecastEngine.Calibration narrow = ForecastEngine.calibrate(plan(small[0], small[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(narrow.shortScale() < 1, "errors a fifth of the spread narrow it: " + narrow);
        double[][] big = errors(30, 4, 3, 2);
        ForecastEngine.Calibration wide = ForecastEngine.calibrate(plan(big[0], big[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(wide.shortScale() >= 2, "errors three times the spread widen it: " + wide);
    }

    @Test
    void aShorterFitsErrorsAreJudgedWithTheWiderSpreadItsLengthGaveIt() {
        // Errors three times the draws' spread: from fits as long as the present one they widen the band; from fits
        // whose spread was three times wider they say the present spread is right.
        double[][] big = errors(30, 4, 3, 2);
        double[] ratios = new double[30];
        java.util.Arrays.fill(ratios, 3);
        ForecastEngine.Plan judged = new ForecastEngine.Plan(d -> 0, null, 1, 0, "test", "test", null, -28, new long[0], big[0], big[1], 1, 0, 0, 0,
                null, ratios);
        ForecastEngine.Calibration asLong = ForecastEngine.calibrate(plan(big[0], big[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        ForecastEngine.Calibration shorter = ForecastEngine.calibrate(judged, unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(asLong.shortScale() >= 2, asLong.toString());
        assertTrue(shorter.shortScale() >= 0.7 && shorter.shortScale() <= 1.5, shorter.toString());
    }

    @Test
    void aQuadraticsPredictionVarianceIsThatOfItsLeastSquaresDesign() {
        // (1, t, t²) M⁻¹ (1, t, t²)ᵀ for points evenly spread over [0, 1], M their moments: worked out with a matrix inverse.
        org.apache.commons.math3.linear.RealMatrix m = new org.apache.commons.math3.linear.Array2DRowRealMatrix(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m.setEntry(i, j, 1.0 / (i + j + 1));
            }
        }
        org.apache.commons.math3.linear.RealMatrix inv = new org.apache.commons.math3.linear.LUDecomposition(m).getSolver().getInverse();
        for (double t : new double[] {0, 0.5, 1, 1.3, 2, 3}) {
            org.apache.commons.math3.linear.RealVector v = new org.apache.commons.math3.linear.ArrayRealVector(new double[] {1, t, t * t});
            assertEquals(v.dotProduct(inv.operate(v)), ForecastEngine.curveVariance(t), 1e-6 * Math.max(1, v.dotProduct(inv.operate(v))), "t = " + t);
        }
        // A fit on half the history, 7 days ahead, spreads wider than the present one, and more so further ahead; one as long, as wide.
        double week = ForecastEngine.curveRatio(17.5, 35, 7);
        assertTrue(week > 1.5, "" + week);
        assertTrue(ForecastEngine.curveRatio(17.5, 35, 14) > week);
        assertEquals(1, ForecastEngine.curveRatio(35, 35, 7), 1e-12);
    }

    @Test
    void anEightyPercentBandNeedNotHoldMoreThanEightInTen() {
        // Eight past errors of nothing and two far beyond any spread: an 80 % band holds 8 of 10 at its narrowest.
        // (Asking for ⌈0.8·11⌉ = 9 of them, as split-conformal does, widened it to the widest scale and still missed.)
        double[] e = {0, 0, 0, 0, 1e6, 0, 0, 0, 0, -1e6};
        double[] h = new double[e.length];
        java.util.Arrays.fill(h, 4);
        ForecastEngine.Calibration c = ForecastEngine.calibrate(plan(e, h), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertEquals(ForecastEngine.SCALES[0], c.shortScale(), "scale " + c);
        assertEquals(0.8, c.shortCoverage(), 1e-9);
    }

    @Test
    void shortAndLongHorizonsAreCalibratedApartAndInterpolated() {
        // Short-horizon errors as wide as the spread, long-horizon ones a fifth of it.
        double[][] both = concat(errors(30, 3, 1, 3), errors(30, 20, 0.2, 4));
        ForecastEngine.Calibration c = ForecastEngine.calibrate(plan(both[0], both[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(c.shortScale() >= 0.7, "short horizon keeps about its spread: " + c);
        assertTrue(c.longScale() < 1, "long horizon narrows: " + c);
        assertEquals(c.shortScale(), c.scaleAt(1), 1e-12);
        assertEquals(c.longScale(), c.scaleAt(40), 1e-12);
        double mid = c.scaleAt((c.shortDays() + c.longDays()) / 2);
        assertTrue(mid < c.shortScale() && mid > c.longScale(), "in between, in between: " + mid + " " + c);
        assertTrue(c.words(CONFIDENCE, UNITS).contains("×" + ModelChoice.num(c.longScale()) + " from"), c.words(CONFIDENCE, UNITS));
    }

    @Test
    void tooFewErrorsWidenAndNeverNarrow() {
        double[][] few = errors(ForecastEngine.MIN_ERRORS - 1, 4, 0.05, 5);
        ForecastEngine.Calibration c = ForecastEngine.calibrate(plan(few[0], few[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertEquals(ForecastEngine.UNCALIBRATED_SCALE, c.shortScale(), 1e-12);
        assertTrue(c.words(CONFIDENCE, UNITS).startsWith("too few past errors"), c.words(CONFIDENCE, UNITS));
        // Plenty of tiny short-horizon errors, too few long ones: the long horizon is not narrowed.
        double[][] mixed = concat(errors(30, 3, 0.05, 6), errors(ForecastEngine.MIN_ERRORS - 1, 20, 0.05, 7));
        ForecastEngine.Calibration m = ForecastEngine.calibrate(plan(mixed[0], mixed[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(m.shortScale() < 1, "the short horizon has the errors to narrow: " + m);
        assertTrue(m.longScale() >= 1, "the long one has not: " + m);
        assertTrue(m.words(CONFIDENCE, UNITS).contains("too few to calibrate, so the backtest's own spread"), m.words(CONFIDENCE, UNITS));
    }

    @Test
    void errorsThatDoNotGrowWithTheHorizonWidenTheLevelWhenTheWidestSlopeSpreadCannotHoldThem() {
        // Past errors a few hours to a day ahead, three in four of them 40 units off either way: a slope spread of 1 unit/day
        // widened ×8 is 8 units a day ahead, 1.3 four hours ahead. What holds them is a level spread, and then the
        // slope spread need not be the widest.
        SplittableRandom r = new SplittableRandom(12);
        int n = 30;
        double[] e = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 1 / 6.0 + (5 / 6.0) * r.nextDouble();
            e[i] = (i % 4 == 0 ? 0 : 40) * (i % 2 == 1 ? -1 : 1) + 0.5 * r.nextDouble();
        }
        ForecastEngine.Calibration c = ForecastEngine.calibrate(plan(e, h), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(c.levelSd() > 0, "a level spread: " + c);
        assertTrue(c.shortScale() < ForecastEngine.SCALES[ForecastEngine.SCALES.length - 1], "and then needs less than the widest slope spread: " + c);
        assertTrue(c.shortCoverage() >= CONFIDENCE, "that holds the past errors: " + c);
        assertTrue(c.words(CONFIDENCE, UNITS).contains("and a level spread of " + UNITS.apply(c.levelSd())), c.words(CONFIDENCE, UNITS));
        // Errors the slope spread can hold get no level spread; nor do those it nearly holds at its widest
        // (half of them off: the band at ×8 holds at least half of what it promises).
        double[][] growing = errors(30, 1, 3, 13);
        ForecastEngine.Calibration g = ForecastEngine.calibrate(plan(growing[0], growing[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertEquals(0, g.levelSd(), "no level spread: " + g);
        for (int i = 0; i < n; i++) {
            e[i] = (i % 2 == 0 ? 0 : 40) * (i % 4 == 1 ? -1 : 1) + 0.5 * r.nextDouble();
        }
        ForecastEngine.Calibration half = ForecastEngine.calibrate(plan(e, h), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertEquals(0, half.levelSd(), "no level spread: " + half);
        assertTrue(half.shortCoverage() >= ForecastEngine.GROSS_SHORTFALL * CONFIDENCE && half.shortCoverage() < CONFIDENCE, "short of 80 %: " + half);
    }

    @Test
    void aWideningFoundADayAheadIsNotCarriedToHorizonsWithoutErrors() {
        // Short-horizon errors five times the spread, hardly any long ones: the short horizon widens a lot,
        // the long one keeps the backtest's own spread.
        double[][] mixed = concat(errors(30, 1, 5, 8), errors(ForecastEngine.MIN_ERRORS - 1, 20, 0.05, 9));
        ForecastEngine.Calibration m = ForecastEngine.calibrate(plan(mixed[0], mixed[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(m.shortScale() >= 4, "the short horizon widens to hold its errors: " + m);
        assertEquals(1, m.longScale(), 1e-12, "the long horizon: " + m);
        assertEquals(1, m.scaleAt(40), 1e-12);
    }

    @Test
    void aWideningFoundHoursAheadIsNotCarriedAWeekWithoutLongErrors() {
        // A regime of a day or two: only errors six hours ahead, five times the spread. Three days ahead the
        // spread is the backtest's own; carried to a week past the errors, it was ×4.4 there.
        double[][] young = errors(30, 0.25, 5, 10);
        ForecastEngine.Calibration m = ForecastEngine.calibrate(plan(young[0], young[1]), unitDraws(), noise(0.01), CONFIDENCE, 7);
        assertTrue(m.shortScale() >= 4, "six hours ahead it widens to hold its errors: " + m);
        assertEquals(1, m.scaleAt(3), 1e-12, "three days ahead: " + m);
        assertTrue(m.scaleAt(0.75) > 1 && m.scaleAt(0.75) < m.shortScale(), "in between, in between: " + m.scaleAt(0.75));
    }

    @Test
    void aSawtoothsPeakLevelSpreadLeavesTheCycleUnderWayAlone() {
        // Mean 10 below the threshold (0) for ever; level draws of ±50 could reach it at once, but only after day 5.
        FirstTouch.Residuals res = new FirstTouch.Residuals(new double[2 * 288], 1.0 / 288, 0);
        double[] lifts = new double[FirstTouch.PATHS];
        for (int i = 0; i < lifts.length; i++) {
            lifts[i] = i % 2 == 0 ? 50 : -50;
        }
        FirstTouch.Result r = FirstTouch.simulate(d -> -10, new double[FirstTouch.PATHS], null, null, lifts, 5, null, res, FirstTouch.Blocks.of(res, 1, false), 0, Direction.UP, 30,
                CONFIDENCE, 3);
        assertEquals(FirstTouch.PATHS / 2, r.touched());
        for (double t : r.touchDays()) {
            // (a touch may come up to FirstTouch.JITTER_HOURS early: the cycle's clock time is known to that)
            assertTrue(!Double.isFinite(t) || t > 5 - FirstTouch.JITTER_HOURS / 24, "no touch before the next cleanup: " + t);
        }
    }

    @Test
    void aLevelSpreadJudgedUpToAWeekFadesWhereTheLongHorizonsSetTheBand() {
        ForecastEngine.Calibration c = new ForecastEngine.Calibration(8, 3, 25, 0.8, 1, 14, 10, 0.8, 40);
        assertEquals(1, c.levelShare(2), 1e-12);
        assertEquals(0.5, c.levelShare(8.5), 1e-12);
        assertEquals(0, c.levelShare(20), 1e-12);
        // The simulation applies the share: mean 10 below the threshold (0) for ever, level offsets of ±50 coming in
        // over two days (nothing at first): the lifted paths touch once 10 of the 50 has come in, not at once.
        FirstTouch.Residuals res = new FirstTouch.Residuals(new double[2 * 288], 1.0 / 288, 0);
        double[] lifts = new double[FirstTouch.PATHS];
        for (int i = 0; i < lifts.length; i++) {
            lifts[i] = i % 2 == 0 ? 50 : -50;
        }
        FirstTouch.Result late = FirstTouch.simulate(d -> -10, new double[FirstTouch.PATHS], null, null, lifts, -1,
                d -> Math.min(1, d / 2), res, FirstTouch.Blocks.of(res, 1, false), 0, Direction.UP, 30, CONFIDENCE, 3);
        assertEquals(FirstTouch.PATHS / 2, late.touched());
        for (double t : late.touchDays()) {
            assertTrue(!Double.isFinite(t) || Math.abs(t - 0.4) < 0.05, "at a fifth of the way in: " + t);
        }
    }

    @Test
    void thePresentDeviationLastsAsLongAsTheResidualsRemember() {
        double step = 1.0 / 288;
        SplittableRandom r = new SplittableRandom(11);
        double[] slow = new double[28 * 288];
        double[] white = new double[slow.length];
        double x = 0;
        double phi = Math.exp(-step / 0.5); // correlation time of half a day
        for (int i = 0; i < slow.length; i++) {
            double g = Math.sqrt(-2 * Math.log(Math.max(1e-300, r.nextDouble()))) * Math.cos(2 * Math.PI * r.nextDouble());
            x = phi * x + Math.sqrt(1 - phi * phi) * g;
            slow[i] = x;
            white[i] = r.nextDouble() - 0.5;
        }
        Persistence p = Persistence.of(slow, step, 288);
        assertEquals(Math.exp(-0.25 / 0.5), p.at(0.25), 0.15, "a quarter day ahead");
        assertTrue(p.at(3) < 0.05, "forgotten after six correlation times: " + p.at(3));
        Persistence w = Persistence.of(white, step, 288);
        assertTrue(w.at(1.0 / 24) < 0.05, "white noise is forgotten within the hour: " + w.at(1.0 / 24));
    }
}
