package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A level shift is a move that stays, whatever the daily cycle does around it. */
class LevelShiftsTest {

    private static final long STEP = 5 * 60_000L;
    private static final SeriesKey MEM = SeriesKey.of("mem.available_bytes");
    private static final double TOTAL = 128 * GB;

    /** Memory available: a daily swing of 6 % of total either way, falling fastest at noon UTC, and a little noise. */
    private static LongToDoubleFunction withCycle(LongToDoubleFunction level, long seed) {
        Random r = new Random(seed);
        return t -> level.applyAsDouble(t) + 0.06 * TOTAL * Math.sin(2 * Math.PI * (t - T0) / (double) DAY) + 0.002 * TOTAL * r.nextGaussian();
    }

    @Test
    void aRestartWhileTheDailyCycleFallsIsAShift() {
        // Flat at 40 % for 30 days; at noon, where the cycle falls fastest, a restart frees 14 % of
        // total at once. The six hours after the jump lie 7.6 points lower in the cycle than the six
        // before, so the medians around it differ by only half the jump; yet it stays.
        long restart = T0 + 30 * DAY + 12 * HOUR;
        Series s = series(MEM, T0, restart + 2 * DAY, STEP,
                withCycle(t -> t < restart ? 0.40 * TOTAL : 0.54 * TOTAL, 5));
        List<LevelShifts.Shift> shifts = LevelShifts.find(s.timesMillis(), s.values());
        assertEquals(1, shifts.size(), "one shift: " + shifts);
        assertEquals(restart, shifts.get(0).timeMillis(), STEP, "at the restart");
        assertEquals(0.14 * TOTAL, shifts.get(0).size(), 0.03 * TOTAL, "of the freed memory");
    }

    @Test
    void aLargeDailyCycleAloneHasNoShift() {
        Series s = series(MEM, T0, T0 + 32 * DAY, STEP, withCycle(t -> 0.40 * TOTAL, 6));
        assertTrue(LevelShifts.find(s.timesMillis(), s.values()).isEmpty());
    }
}
