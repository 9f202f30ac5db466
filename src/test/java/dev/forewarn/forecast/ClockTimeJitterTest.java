package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A daily cycle's clock time is known to about half an hour, so a touch that a trough brings may
 * come that much early or late; residuals without a daily cycle have no clock time to be unsure
 * of, and their touch is as sharp as their noise makes it.
 */
class ClockTimeJitterTest {

    private static final int PER_DAY = 288;
    private static final double STEP_DAYS = 1.0 / PER_DAY;

    /** 28 days of residuals: white noise of sd {@code sd} plus a daily swing of {@code amplitude} (trough at a fixed hour). */
    private static double[] residuals(double sd, double amplitude) {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[28 * PER_DAY];
        for (int i = 0; i < x.length; i++) {
            x[i] = sd * FirstTouch.gaussian(r) + amplitude * Math.cos(2 * Math.PI * i / PER_DAY);
        }
        return x;
    }

    /** The 10 % to 90 % spread of the first touch, hours, of a line falling 10 a day from 100 to 0 with these residuals. */
    private static double touchSpreadHours(double[] r) {
        FirstTouch.Residuals res = new FirstTouch.Residuals(r, STEP_DAYS, 0);
        FirstTouch.Result out = FirstTouch.simulate(d -> 100 - 10 * d, new double[FirstTouch.PATHS], null, res, 0, Direction.DOWN, 60, 0.8, 5);
        return 24 * (out.quantile(0.9) - out.quantile(0.1));
    }

    @Test
    void noDailyCycleNoClockTimeToBeUnsureOf() {
        double[] r = residuals(0.01, 0);
        assertFalse(Persistence.hasDailyCycle(r, PER_DAY));
        // The noise moves the touch by a minute or so; half an hour's doubt would make this about 50 minutes.
        assertTrue(touchSpreadHours(r) < 0.25, "10-90 % spread " + touchSpreadHours(r) + " h");
    }

    @Test
    void aDailyTroughsHourIsKnownToHalfAnHour() {
        double[] r = residuals(0.01, 1);
        assertTrue(Persistence.hasDailyCycle(r, PER_DAY));
        double spread = touchSpreadHours(r);
        assertTrue(spread > 0.6 && spread <= 2 * FirstTouch.JITTER_HOURS, "10-90 % spread " + spread + " h");
    }

    @Test
    void aDailyCycleSmallerThanTheNoiseStillStandsOutOverFourWeeks() {
        assertTrue(Persistence.hasDailyCycle(residuals(1, 0.75), PER_DAY));
        assertFalse(Persistence.hasDailyCycle(residuals(1, 0), PER_DAY));
    }
}
