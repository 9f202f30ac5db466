package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A steady fill with noise: the noise is in every sample, not in the slope. Past forecasts a few
 * hours ahead miss by the noise, and taken as slope errors (the noise over hours) they widened a
 * forecast three weeks out by the noise times weeks over hours.
 */
class NoiseIsNoSlopeErrorTest {

    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_772_323_200_000L;
    private static final double GB = 1e9;

    @Test
    void aSteadyNoisyFillIsDatedToDaysThreeWeeksOut() {
        long at = T0 + 30 * DAY;
        Random r = new Random(7);
        // 100 GB free at the start, 2 GB a day, noise of 1 GB (half a day's consumption): 40 GB left, 20 days.
        Series s = ForecastEngineTest.series(ForecastEngineTest.AVAIL, T0, at, 5 * 60_000L,
                t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY + 1 * GB * r.nextGaussian());
        Projection p = new ForecastEngine().project(s, ForecastEngineTest.request(0, Direction.DOWN, at));
        assertNotNull(p.etaMillis(), p.reason());
        assertNotNull(p.etaHighMillis(), p.reason());
        double widthDays = (p.etaHighMillis() - p.etaLowMillis()) / (double) DAY;
        double etaDays = (p.etaMillis() - at) / (double) DAY;
        // The troughs of the noise touch 0 before the line does (about 1.5 days early), the slope is known to a few percent.
        assertTrue(etaDays > 16 && etaDays < 20.5, "eta " + etaDays + " days: " + p.reason());
        assertTrue(widthDays < 3, "80 % interval " + widthDays + " days wide, 20 days out: " + p.reason());
    }
}
