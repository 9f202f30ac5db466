package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calibration judges a past forecast where a first touch would come: at the value nearest the
 * threshold in the day up to its target, not at the one sample there.
 */
class DayExtremesTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long STEP = 300_000L;
    private static final long T0 = 1_772_323_200_000L;

    @Test
    void theTrailingExtremeIsTheWindowsValueNearestTheThreshold() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] r = new double[500];
        for (int i = 0; i < r.length; i++) {
            r[i] = rnd.nextDouble() - 0.5;
        }
        for (int len : new int[] {1, 7, 288}) {
            double[] low = new double[r.length];
            double[] high = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                low[i] = Double.POSITIVE_INFINITY;
                high[i] = Double.NEGATIVE_INFINITY;
                for (int k = Math.max(0, i - len + 1); k <= i; k++) {
                    low[i] = Math.min(low[i], r[k]);
                    high[i] = Math.max(high[i], r[k]);
                }
            }
            assertArrayEquals(low, DayExtremes.trailing(r, len, Direction.DOWN), "toward a threshold below, window " + len);
            assertArrayEquals(high, DayExtremes.trailing(r, len, Direction.UP), "toward a threshold above, window " + len);
        }
    }

    /** Two days of 5-minute samples on the line 100 − 2·day, with a dip of 5 at {@code dipMillis}. */
    private static Series lineWithDip(long dipMillis) {
        int n = (int) (2 * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * STEP;
            v[i] = 100 - 2.0 * i * STEP / DAY - (t[i] == dipMillis ? 5 : 0);
        }
        return new Series(SeriesKey.of("fs.avail_bytes", "mount", "/x"), t, v);
    }

    @Test
    void aPastErrorMovesToTheDaysDipTowardTheThreshold() {
        long at = T0 + 2 * DAY;
        long target = T0 + 2 * DAY - 2 * HOUR;
        Series s = lineWithDip(target - 6 * HOUR);
        java.util.function.DoubleUnaryOperator mean = d -> 100 - 2.0 * (d + 2); // the line, x days after `at`
        double[] e = {1.5};
        long[] t = {target};
        assertEquals(1.5 - 5, DayExtremes.ofErrors(s, e, t, mean, at, Direction.DOWN)[0], 1e-9,
                "the dip six hours before the target is the day's low");
        assertEquals(1.5, DayExtremes.ofErrors(s, e, t, mean, at, Direction.UP)[0], 1e-9,
                "toward a threshold above, the dip is no extreme");
    }

    @Test
    void aDipMoreThanADayBeforeTheTargetIsNotItsDays() {
        long at = T0 + 2 * DAY;
        long target = T0 + 2 * DAY - 2 * HOUR;
        Series s = lineWithDip(target - 30 * HOUR);
        double[] out = DayExtremes.ofErrors(s, new double[] {1.5}, new long[] {target}, d -> 100 - 2.0 * (d + 2), at, Direction.DOWN);
        assertEquals(1.5, out[0], 1e-9);
    }
}
