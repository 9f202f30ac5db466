package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustSlopeTest {

    /**
     * A batch job that keeps what it writes fills in steps: the robust slope of five weeks of
     * them must be the mean rate, a step per spacing, whatever the spacing and where the window
     * cuts the steps: within 3 % on average over spacings of 2-10 days and every phase, never
     * 10 % off. (Pairs only a half and a third of the window apart cross one step or two: their
     * median was 8 % off on average here.)
     */
    @Test
    void aStaircaseSlopeIsItsMeanRate() {
        int n = 720;
        double span = 35;
        double sumErr = 0;
        int cases = 0;
        for (double spacing = 2.1; spacing < 10; spacing += 0.7) {
            for (double phase = 0.05; phase < 1; phase += 0.1) {
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = -span + span * i / (n - 1);
                    y[i] = Math.floor((x[i] + span) / spacing + phase);
                }
                double err = Math.abs(Robust.theilSenSlope(x, y, null) * spacing - 1);
                assertTrue(err < 0.10, "steps every " + spacing + " d, phase " + phase + ": " + err);
                sumErr += err;
                cases++;
            }
        }
        assertTrue(sumErr / cases < 0.03, "mean relative error " + sumErr / cases);
    }
}
