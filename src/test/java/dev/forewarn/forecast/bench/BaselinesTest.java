package dev.forewarn.forecast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final long STEP = 300_000L;
    private static final long HOUR = 3_600_000L;
    private static final SeriesKey KEY = SeriesKey.of("fs.avail_bytes", "mount", "/b");

    /** Free space falling 1 GB an hour from {@code start} GB, 24 h at 5-minute steps, on a 100 GB disk. */
    private static Series[] falling(double startGb) {
        int n = 24 * 12 + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * STEP;
            v[i] = (startGb - i / 12.0) * 1e9;
            s[i] = 100e9;
        }
        return new Series[] {new Series(KEY, t, v), new Series(KEY.withName("fs.size_bytes"), t, s)};
    }

    @Test
    void nodeMixinFiresOnlyBelowFortyPercentFreeWhenTheSixHourLineReachesZeroWithinADay() {
        long at = 24 * HOUR;
        Series[] near = falling(40); // 16 GB free at the end, 16 h from 0
        assertTrue(Baselines.nodeMixinFires(near[0], near[1], 0, Direction.DOWN, at));
        Series[] far = falling(60); // 36 GB free: 36 h away, beyond the 24 h look-ahead
        assertFalse(Baselines.nodeMixinFires(far[0], far[1], 0, Direction.DOWN, at));
        // Without the free-share gate (no size) the same far series still does not fire; a nearer threshold does.
        assertTrue(Baselines.nodeMixinFires(far[0], null, 20e9, Direction.DOWN, at));
    }

    @Test
    void nodeMixinNeedsItsConditionForAWholeHour() {
        Series[] near = falling(40);
        // Half an hour into the series the 6-hour window holds 30 minutes of the fall, but the condition
        // has not held for an hour of evaluations (there is nothing before the first sample).
        assertFalse(Baselines.nodeMixinFires(near[0], near[1], 0, Direction.DOWN, HOUR / 2));
        assertTrue(Baselines.nodeMixinCondition(near[0], near[1], 0, Direction.DOWN, 24 * HOUR));
    }

    @Test
    void lineEtaIsWhereTheLeastSquaresLineMeetsTheThreshold() {
        Series[] s = falling(40);
        long at = 24 * HOUR;
        assertEquals(at + 16 * HOUR, Baselines.lineEta(s[0], at, 6 * HOUR, 0, Direction.DOWN, 365 * 24 * HOUR), 1000);
        assertNull(Baselines.lineEta(s[0], at, 6 * HOUR, 0, Direction.DOWN, 10 * HOUR), "beyond the horizon");
        assertNull(Baselines.lineEta(s[0], at, 6 * HOUR, 200e9, Direction.UP, 365 * 24 * HOUR), "pointing away");
        assertEquals(at, Baselines.lineEta(s[0], at, 6 * HOUR, 20e9, Direction.DOWN, 365 * 24 * HOUR), "already there");
    }
}
