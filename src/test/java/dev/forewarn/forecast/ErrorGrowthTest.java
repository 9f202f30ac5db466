package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** How past errors grow with the horizon decides how much of them is a wrong slope, a drifting rate or noise. */
class ErrorGrowthTest {

    private static final double[] HORIZONS = {0.5, 1, 2, 4, 7, 10, 14, 20, 30};

    /** Errors at each horizon drawn as noise of sd {@code level} plus a walk and a slope error. */
    private static ErrorGrowth fitted(double level, double walkPerSqrtDay, double slope, long seed) {
        Random r = new Random(seed);
        int reps = 60;
        double[] e = new double[HORIZONS.length * reps];
        double[] h = new double[e.length];
        for (int k = 0; k < reps; k++) {
            for (int i = 0; i < HORIZONS.length; i++) {
                double hd = HORIZONS[i];
                e[k * HORIZONS.length + i] = level * r.nextGaussian() + walkPerSqrtDay * Math.sqrt(hd) * r.nextGaussian() + slope * hd * r.nextGaussian();
                h[k * HORIZONS.length + i] = hd;
            }
        }
        return ErrorGrowth.fit(e, h);
    }

    @Test
    void errorsThatDoNotGrowAreNoSlopeError() {
        ErrorGrowth g = fitted(5, 0, 0, 1);
        // noise of 5 units: a rate error of 5 units from half a day ahead would be 10 units a day of slope
        assertTrue(g.slopeShare(0.5) < 0.2, "share " + g.slopeShare(0.5));
        assertTrue(g.slopeShare(30) < 0.5, "share " + g.slopeShare(30));
        assertEquals(25, g.levelVar(), 8);
    }

    @Test
    void errorsThatGrowWithTheHorizonAreASlopeError() {
        ErrorGrowth g = fitted(0.1, 0, 2, 2);
        assertTrue(g.slopeShare(1) > 0.9, "share " + g.slopeShare(1));
        assertEquals(4, g.slopeVar(), 1);
    }

    @Test
    void errorsThatGrowAsTheRootOfTheHorizonAreADriftingRate() {
        ErrorGrowth g = fitted(0.1, 3, 0, 3);
        assertEquals(9, g.walkVarPerDay(), 3);
        assertTrue(g.slopeShare(30) < 0.5, "share " + g.slopeShare(30));
    }

    @Test
    void noErrorsNoGrowth() {
        ErrorGrowth g = ErrorGrowth.fit(new double[0], new double[0]);
        assertEquals(0, g.slopeShare(10));
        assertEquals(0, g.at(10));
    }
}
