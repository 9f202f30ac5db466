package dev.forewarn.forecast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class FirstTouchTest {

    private static final SeriesKey KEY = SeriesKey.of("fs.avail_bytes", "mount", "/t");
    private static final long STEP = 300_000L;

    /** A line falling from 100 to 0 over 100 steps (noise-free crossing at step 100), with a trough of -25 at step 80. */
    private static Series troughBeforeTheMean() {
        long[] t = new long[120];
        double[] v = new double[120];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * STEP;
            v[i] = 100 - i + (i == 80 ? -25 : 0);
        }
        return new Series(KEY, t, v);
    }

    @Test
    void truthIsTheFirstSampleAtOrBeyondTheThresholdNotTheNoiseFreeCrossing() {
        assertEquals(80 * STEP, FirstTouch.after(troughBeforeTheMean(), 0, Direction.DOWN, Long.MIN_VALUE));
    }

    @Test
    void aSampleExactlyAtTheThresholdCounts() {
        assertEquals(79 * STEP, FirstTouch.after(troughBeforeTheMean(), 21, Direction.DOWN, Long.MIN_VALUE));
    }

    @Test
    void onlySamplesAfterTheOriginCountAndTheSeriesRunsOnPastTheTouch() {
        // After the trough the line is back above 0 until step 100.
        assertEquals(100 * STEP, FirstTouch.after(troughBeforeTheMean(), 0, Direction.DOWN, 80 * STEP));
    }

    @Test
    void upwardThresholdsAndNaNReadings() {
        Series s = new Series(KEY, new long[] {0, STEP, 2 * STEP, 3 * STEP}, new double[] {1, Double.NaN, 5, 9});
        assertEquals(2 * STEP, FirstTouch.after(s, 5, Direction.UP, Long.MIN_VALUE));
        assertNull(FirstTouch.after(s, 10, Direction.UP, Long.MIN_VALUE));
    }
}
