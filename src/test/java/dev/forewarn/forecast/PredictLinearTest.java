package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class PredictLinearTest {

    private static final SeriesKey KEY = SeriesKey.of("fs.avail_bytes", "mount", "/");

    @Test
    void matchesHandComputedPrometheusNumbers() {
        // t = 1000 s, range 300 s: samples at 700..1000 s count (both ends), 650 s and 1100 s do not.
        // x = -300,-200,-100,0; y = 10,8,7,4: mean x -150, mean y 7.25, Sxy -950, Sxx 50000,
        // slope -0.019/s, intercept 7.25 - 0.019*150 = 4.4; at +600 s: 4.4 - 11.4 = -7.0.
        Series s = new Series(KEY, new long[] {650_000, 700_000, 800_000, 900_000, 1_000_000, 1_100_000},
                new double[] {100, 10, 8, 7, 4, -100});
        assertEquals(-7.0, PredictLinear.predict(s, 1_000_000, 300_000, 600), 1e-12);
        assertEquals(4.4, PredictLinear.predict(s, 1_000_000, 300_000, 0), 1e-12);
    }

    @Test
    void needsTwoSamplesAndGivesConstantForFlatData() {
        Series one = new Series(KEY, new long[] {1_000_000}, new double[] {5});
        assertTrue(Double.isNaN(PredictLinear.predict(one, 1_000_000, 300_000, 600)));
        Series flat = new Series(KEY, new long[] {800_000, 900_000, 1_000_000}, new double[] {5, 5, 5});
        assertEquals(5.0, PredictLinear.predict(flat, 1_000_000, 300_000, 600));
    }

    @Test
    void nodeMixinWarningNeedsLowFreeShareFallingTrendAndOneHour() {
        long hour = 3_600_000L;
        int n = 13 * 12; // 13 h at 5-minute steps
        long[] t = new long[n];
        double[] avail = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 300_000L;
            avail[i] = 30 - i * 0.05; // 30 % free, losing 0.6 a hour: 14.4 in 24 h, not yet < 0
            size[i] = 100;
        }
        Series a = new Series(KEY, t, avail);
        Series s = new Series(KEY.withName("fs.size_bytes"), t, size);
        long end = t[n - 1];
        // At 13 h: avail 22.25, predicted in 24 h 22.25 - 14.4 > 0: quiet.
        assertFalse(PredictLinear.conditionAt(PredictLinear.WARNING, a, s, end));
        double[] fast = avail.clone();
        for (int i = 0; i < n; i++) {
            fast[i] = 30 - i * 0.15; // 1.8 a hour: 43.2 in 24 h
        }
        Series f = new Series(KEY, t, fast);
        assertTrue(PredictLinear.conditionAt(PredictLinear.WARNING, f, s, end));
        assertTrue(PredictLinear.firing(PredictLinear.WARNING, e -> PredictLinear.conditionAt(PredictLinear.WARNING, f, s, e), end, 300_000L));
        // Above 40 % free it never fires, however steep the fall.
        double[] roomy = fast.clone();
        for (int i = 0; i < n; i++) {
            roomy[i] += 50;
        }
        Series r = new Series(KEY, t, roomy);
        assertFalse(PredictLinear.conditionAt(PredictLinear.WARNING, r, s, end));
        // The condition must hold for a whole hour: an evaluation 30 min into the data cannot fire.
        assertFalse(PredictLinear.firing(PredictLinear.WARNING, e -> PredictLinear.conditionAt(PredictLinear.WARNING, f, s, e), hour / 2, 300_000L));
    }
}
