package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The crossing interval of a sawtooth (fills, is cleaned, fills again) must reflect how much the cycles differ. */
class SawtoothIntervalTest {

    private final ForecastEngine engine = new ForecastEngine();

    /**
     * 3 GB/day written, a weekly cleanup that frees a little less each week, so the lows before
     * each cleanup fall by about 3 GB a week toward zero. {@code scatterGb} varies how much each
     * cleanup frees (one draw per cycle).
     */
    private Projection project(double scatterGb) {
        long at = T0 + 63 * DAY + 12 * HOUR;
        Random perCycle = new Random(11);
        double[] freed = new double[20];
        for (int i = 0; i < freed.length; i++) {
            freed[i] = 18 * GB + scatterGb * GB * perCycle.nextGaussian();
        }
        Random noise = new Random(5);
        Series s = series(ForecastEngineTest.AVAIL, T0, at, 15 * 60_000L, t -> {
            double d = (t - T0) / (double) DAY;
            int cycle = (int) Math.floor(d / 7 + 1e-9);
            double level = 60 * GB - 3 * GB * d;
            for (int k = 0; k < cycle; k++) {
                level += freed[k];
            }
            return level + 0.05 * GB * noise.nextGaussian();
        });
        return engine.project(s, request(0, Direction.DOWN, at));
    }

    @Test
    void scatteredCleanupsLeaveTheCycleOfTheCrossingOpen() {
        Projection exact = project(0);
        Projection scattered = project(1.5);
        assertNotNull(exact.etaMillis(), exact.method() + " | " + exact.reason());
        assertNotNull(scattered.etaMillis(), scattered.method() + " | " + scattered.reason());
        long exactWidth = exact.etaHighMillis() - exact.etaLowMillis();
        long scatteredWidth = scattered.etaHighMillis() - scattered.etaLowMillis();
        assertTrue(scatteredWidth > exactWidth, "scatter widens the interval");
        // Lows that scatter by 1.5 GB (sd) give an 80 % band on the next low of about ±2.3 GB,
        // some 0.8 weeks of the 3 GB/week decline on each side: the crossing's cycle is open.
        assertTrue(scatteredWidth >= 10 * DAY, "interval " + scatteredWidth / 3.6e6 + " h for scattered cleanups");
    }
}
