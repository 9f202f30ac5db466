package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class CrossedLevelTest {

    private static final long HOUR = 3_600_000L;
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    /** 100 hourly points falling 1 GB an hour from {@code startGb}, with {@code nan} at index 10. */
    private static Series falling(double startGb, boolean nan) {
        long[] t = new long[100];
        double[] v = new double[100];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * HOUR;
            v[i] = (startGb - i) * 1e9;
        }
        if (nan) {
            v[10] = Double.NaN;
        }
        return new Series(VAR, t, v);
    }

    @Test
    void theLevelLiesBeyondTheEarlyLowToTwoDigitsAndIsReachedLater() {
        // the first 60 points end at 141.5 GB: the level is 140 GB, first reached at hour 61 (hour 60: 140.5 GB, hour 61: 139.5 GB)
        CrossedLevel c = CrossedLevel.of(falling(200.5, false), Direction.DOWN, 0);
        assertEquals("140 GB", c.text());
        assertEquals(61 * HOUR, c.firstMillis());
    }

    @Test
    void aMissingPointDoesNotHideTheLevel() {
        CrossedLevel c = CrossedLevel.of(falling(200.5, true), Direction.DOWN, 0);
        assertEquals("140 GB", c.text());
    }

    @Test
    void aLevelReachedOnlyBeforeTheFirstOriginIsNotOffered() {
        assertNull(CrossedLevel.of(falling(200.5, false), Direction.DOWN, 70 * HOUR));
        // rising, it never goes beyond its early high
        assertNull(CrossedLevel.of(falling(200.5, false), Direction.UP, 0));
    }
}
