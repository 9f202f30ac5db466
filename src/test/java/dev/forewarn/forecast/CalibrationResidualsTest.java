package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The band's calibration judges each past error against the residual a simulated path would have
 * at that error's time: with day blocks, the one at the same time of day. A residual drawn from
 * any hour let the daily swing cover errors at hours where the paths have no swing to give.
 */
class CalibrationResidualsTest {

    private static final long DAY = 86_400_000L;
    private static final long AT = 1_772_323_200_000L + 10 * DAY + 6 * 3_600_000L; // 06:00 UTC

    /** Ten days of 5-minute residuals ending at the evaluation time: a swing of ±1 peaking at 12:00 UTC. */
    private static FirstTouch.Residuals swing() {
        int perDay = 288;
        int n = 10 * perDay;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            long t = AT - (long) (n - 1 - i) * 300_000L;
            double hour = Math.floorMod(t, DAY) / 3_600_000.0;
            r[i] = Math.cos(2 * Math.PI * (hour - 12) / 24);
        }
        return new FirstTouch.Residuals(r, 300_000.0 / DAY, 0);
    }

    @Test
    void aPastErrorAtNoonMeetsTheResidualsOfNoon() {
        FirstTouch.Residuals res = swing();
        FirstTouch.Blocks blocks = FirstTouch.Blocks.of(res, 1, false);
        assertTrue(blocks.daily());
        long noonTwoDaysAgo = AT - 2 * DAY + 6 * 3_600_000L;
        long midnightInThreeDays = AT + 3 * DAY + 18 * 3_600_000L;
        for (int pick = 0; pick < 50; pick++) {
            assertEquals(1, res.values()[blocks.indexAt(res, AT, noonTwoDaysAgo, pick * 7919, 0)], 0.01);
            assertEquals(-1, res.values()[blocks.indexAt(res, AT, midnightInThreeDays, pick * 7919, 0)], 0.01);
        }
    }

    /** 100 residuals of 5 minutes (too few for day blocks), each its own index. */
    private static FirstTouch.Residuals ramp() {
        double[] r = new double[100];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return new FirstTouch.Residuals(r, 300_000.0 / DAY, 0);
    }

    @Test
    void withoutDayBlocksAnyResidualWillDo() {
        FirstTouch.Residuals res = ramp();
        double[] r = res.values();
        FirstTouch.Blocks blocks = FirstTouch.Blocks.of(res, 1, false);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int pick = 0; pick < 500; pick++) {
            seen.add(r[blocks.indexAt(res, AT, AT + DAY, pick, 0)]);
        }
        assertEquals(100, seen.size());
    }

    @Test
    void withoutDayBlocksAWindowOfResidualsIsWholeBehindItsEnd() {
        FirstTouch.Residuals res = ramp();
        FirstTouch.Blocks blocks = FirstTouch.Blocks.of(res, 1, false);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int pick = 0; pick < 500; pick++) {
            seen.add(blocks.indexAt(res, AT, AT + DAY, pick, 39));
        }
        assertEquals(61, seen.size(), "every index from 39 on");
        assertTrue(seen.stream().allMatch(i -> i >= 39 && i < 100), seen.toString());
    }
}
