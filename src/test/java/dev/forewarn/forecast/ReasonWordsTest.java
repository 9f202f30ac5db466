package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.AVAIL;
import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The "why this method" sentence names the other models and the spread in words a sysadmin reads, not estimator jargon. */
class ReasonWordsTest {

    private final ForecastEngine engine = new ForecastEngine();

    @Test
    void theComparedModelsAreNamedInWords() {
        Random r = new Random(11);
        long at = T0 + 20 * DAY;
        Series s = series(AVAIL, T0, at, HOUR, t -> 300 * GB - 2 * GB * (t - T0) / (double) DAY + 0.5 * GB * r.nextGaussian());
        String why = engine.project(s, request(0, Direction.DOWN, at)).reason();
        assertTrue(why.contains(" vs "), why);
        String compared = why.substring(why.indexOf(" vs "));
        assertFalse(compared.contains("theil-sen"), why);
        assertTrue(compared.contains("trend"), why);
    }

    @Test
    void theSawtoothSpreadSaysNoTQuantile() {
        long at = T0 + 40 * DAY + 20 * HOUR;
        Random r = new Random(3);
        Series s = series(AVAIL, T0, at, 15 * 60_000L, t -> {
            double d = (t - T0) / (double) DAY;
            double cycles = Math.floor(d / 7 + 1e-9);
            return 80 * GB - 3 * GB * d + (21 - 0.5) * GB * cycles + 0.05 * GB * r.nextGaussian();
        });
        String why = engine.project(s, request(0, Direction.DOWN, at)).reason();
        assertTrue(why.contains("peaks"), why);
        assertFalse(why.contains("t quantile"), why);
    }
}
