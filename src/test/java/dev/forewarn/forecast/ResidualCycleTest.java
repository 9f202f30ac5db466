package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A cycle of several days in the residuals is found where it is, and only there. */
class ResidualCycleTest {

    private static final double STEP_DAYS = 5.0 / 1440;
    private static final int PER_DAY = 288;

    @Test
    void aLineThroughAStaircaseLeavesOneToothPerStep() {
        // Steps every 4.4 days (not a whole number of days or hours), 28 days, a little noise.
        Random r = new Random(1);
        double period = 4.4 * PER_DAY;
        double[] res = new double[28 * PER_DAY];
        for (int i = 0; i < res.length; i++) {
            double phase = (i % period) / period;
            res[i] = -(phase - 0.5) + 0.05 * r.nextGaussian();
        }
        int found = ResidualCycle.periodSamples(res, STEP_DAYS);
        assertEquals(4.4 * 24, found * STEP_DAYS * 24, 1.0, "the step spacing within an hour: " + found * STEP_DAYS + " d");
    }

    @Test
    void aSlowWanderIsNoCycle() {
        // AR(1) noise correlated over days (a drifting rate's residuals): correlated at every lag, no dip.
        Random r = new Random(2);
        double[] res = new double[28 * PER_DAY];
        double x = 0;
        for (int i = 0; i < res.length; i++) {
            x = 0.9995 * x + r.nextGaussian();
            res[i] = x;
        }
        assertEquals(0, ResidualCycle.periodSamples(res, STEP_DAYS));
    }

    @Test
    void aDailyCycleIsLeftToTheDayBlocks() {
        Random r = new Random(3);
        double[] res = new double[28 * PER_DAY];
        for (int i = 0; i < res.length; i++) {
            res[i] = Math.sin(2 * Math.PI * i / PER_DAY) + 0.1 * r.nextGaussian();
        }
        assertEquals(0, ResidualCycle.periodSamples(res, STEP_DAYS));
    }

    @Test
    void aWeeklyRhythmIsSevenDays() {
        Random r = new Random(4);
        double[] res = new double[28 * PER_DAY];
        for (int i = 0; i < res.length; i++) {
            res[i] = Math.sin(2 * Math.PI * i / (7.0 * PER_DAY)) + 0.3 * Math.sin(2 * Math.PI * i / PER_DAY) + 0.2 * r.nextGaussian();
        }
        assertEquals(7 * 24, ResidualCycle.periodSamples(res, STEP_DAYS) * STEP_DAYS * 24, 2.0);
    }
}
