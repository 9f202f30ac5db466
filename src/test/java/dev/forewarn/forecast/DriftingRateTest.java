package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A rate that drifts: the last days' pace says more about the next days than the month's average. */
class DriftingRateTest {

    @Test
    void aRateThatHasSlowedForAWeekIsNotProjectedAtTheMonthsPace() {
        // 2 GB/day for 28 days, then the pace eases over two days to 0.8 GB/day and holds there for
        // 10 days; 12 GB are left, 15 days at the recent pace, 6 at the month's.
        long at = T0 + 40 * DAY;
        Random r = new Random(3);
        Series s = series(ForecastEngineTest.AVAIL, T0, at, 5 * 60_000L, t -> {
            double d = (t - T0) / (double) DAY;
            double used = d <= 28 ? 2 * d : d <= 30 ? 56 + 2 * (d - 28) - 0.3 * (d - 28) * (d - 28) : 58.8 + 0.8 * (d - 30);
            return (12 + 66.8) * GB - used * GB + 0.05 * GB * r.nextGaussian();
        });
        Projection p = new ForecastEngine().project(s, request(0, Direction.DOWN, at));
        assertNotNull(p.etaMillis(), p.reason());
        double etaDays = (p.etaMillis() - at) / (double) DAY;
        // The month's robust line (about 1.6 GB/day) would say 7-8 days, and its residuals about the
        // kink, resampled, touch sooner still (the engine without the recent trend said 0.3 days);
        // the recent pace, easing back toward the month's over two weeks, says about 9-10.
        assertTrue(etaDays >= 8.5, "eta in " + etaDays + " days: " + p.method() + " | " + p.reason());
        assertTrue(p.method().startsWith("recent trend"), p.method());
        assertTrue(p.etaHighMillis() != null && p.etaHighMillis() - at >= 12 * DAY,
                "the interval reaches the recent pace's date: " + (p.etaHighMillis() == null ? "open" : (p.etaHighMillis() - at) / (double) DAY));
    }
}
