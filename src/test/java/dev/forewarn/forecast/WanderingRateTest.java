package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.AVAIL;
import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rate that runs above or below its trend for days is told apart from noise and cycles by the
 * series itself, and its interval is not narrowed by past errors that share its excursions.
 */
class WanderingRateTest {

    private static final long STEP = 5 * 60_000L;
    private static final long AT = T0 + 40 * DAY;

    @Test
    void dailyMeansThatStrayAtRandomAreNoWanderingRate() {
        // Each day's mean is off the 2 GB/day line by up to a day's fill, independently: as far in a day as in a week.
        Random r = new Random(5);
        double[] dayOff = new double[41];
        for (int j = 0; j < dayOff.length; j++) {
            dayOff[j] = 1.0 * GB * r.nextGaussian();
        }
        Series s = series(AVAIL, T0, AT, STEP, t -> 200 * GB - 2 * GB * (t - T0) / DAY + dayOff[(int) ((t - T0) / DAY)]);
        assertEquals(0, Wander.walkFloor(s, AT, 35, line(120 * GB, -2 * GB), -2 * GB));
    }

    @Test
    void aWeeklyCycleThePathMissesIsNoWanderingRate() {
        Series s = series(AVAIL, T0, AT, STEP, t -> 200 * GB - 2 * GB * (t - T0) / DAY + 3 * GB * Math.sin(2 * Math.PI * (t - T0) / (7.0 * DAY)));
        assertEquals(0, Wander.walkFloor(s, AT, 35, line(120 * GB, -2 * GB), -2 * GB));
    }

    @Test
    void anAccelerationIsJudgedAgainstItsOwnCurve() {
        // From a line, a quadratic fill's days stray further in a week than in a day; from its own curve they do not.
        Random r = new Random(7);
        java.util.function.LongToDoubleFunction f = t -> {
            double d = (t - T0) / (double) DAY;
            return 200 * GB - 1 * GB * d - 0.05 * GB * d * d;
        };
        Series s = series(AVAIL, T0, AT, STEP, t -> f.applyAsDouble(t) + 0.2 * GB * r.nextGaussian());
        java.util.function.DoubleUnaryOperator curve = x -> f.applyAsDouble(AT + Math.round(x * DAY));
        assertEquals(0, Wander.walkFloor(s, AT, 35, curve, -(1 + 0.1 * 40) * GB));
        assertTrue(Wander.walkFloor(s, AT, 35, line(f.applyAsDouble(AT), -(1 + 0.1 * 40) * GB), -(1 + 0.1 * 40) * GB) > 0,
                "against a line the curve looks like a wandering rate");
    }

    @Test
    void aWanderingRateGetsAtLeastTheIntervalItsWanderImplies() {
        Series s = wandering(2);
        Projection p = new ForecastEngine().project(s, request(0, Direction.DOWN, AT));
        assertNotNull(p.etaMillis(), p.reason());
        assertTrue(p.reason().contains("as a wandering rate's do"), p.reason());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a random walk of at least ([0-9.]+) ([kMG])B per √day").matcher(p.reason());
        assertTrue(m.find(), p.reason());
        double floor = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
            case "k" -> 1e3;
            case "M" -> 1e6;
            default -> GB;
        };
        // A walk of `floor` per √day spreads the level by floor·√h at h days, the date by about that over the rate:
        // an 80 % interval of some 2 × 1.28 of it. Asserted at two thirds of that (a first passage is not a normal):
        // this series gives 0.91 of it, and 0.28 when the calibration, narrowed by past errors, may shrink the walk.
        double days = (p.etaMillis() - AT) / (double) DAY;
        double rate = 2 * GB;
        double implied = 2.0 / 3 * 2 * 1.28 * floor * Math.sqrt(days) / rate;
        assertNotNull(p.etaHighMillis(), p.reason());
        double width = (p.etaHighMillis() - p.etaLowMillis()) / (double) DAY;
        assertTrue(width >= implied, "80 % interval " + width + " d wide, the wander implies at least " + implied + " d: " + p.reason());
    }

    /**
     * 2 GB/day on average, the log of the daily rate an AR(1) that moves 0.15 a day and reverts over
     * 8 days; 40 days of 5-minute points with 0.1 GB of noise, about 20 days' fill left.
     */
    private static Series wandering(long seed) {
        Random r = new Random(seed);
        double[] logRate = new double[42];
        for (int j = 1; j < logRate.length; j++) {
            logRate[j] = (1 - 1 / 8.0) * logRate[j - 1] + 0.15 * r.nextGaussian();
        }
        double[] usedAtDay = new double[42];
        for (int j = 1; j < usedAtDay.length; j++) {
            usedAtDay[j] = usedAtDay[j - 1] + 2 * GB * Math.exp(logRate[j - 1]);
        }
        double left = 40 * GB + usedAtDay[40];
        return series(AVAIL, T0, AT, STEP, t -> {
            double d = (t - T0) / (double) DAY;
            int j = (int) Math.floor(d);
            double used = usedAtDay[j] + (d - j) * (usedAtDay[Math.min(j + 1, 41)] - usedAtDay[j]);
            return left - used + 0.1 * GB * r.nextGaussian();
        });
    }

    private static java.util.function.DoubleUnaryOperator line(double atValue, double perDay) {
        return x -> atValue + perDay * x;
    }
}
