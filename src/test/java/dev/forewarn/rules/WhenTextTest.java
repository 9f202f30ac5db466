package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.SeriesKey;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The verdict phrase says the time left through the one duration formatter, in words. */
class WhenTextTest {

    private static final long AT = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private static String eta(long leftMillis) {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/var"), AT, 1e9, 0, Direction.DOWN,
                AT + leftMillis, null, null, 0.8, "m", "r", null, BacktestSummary.none(), "abc");
        return WhenText.eta(p, ZoneOffset.UTC);
    }

    @Test
    void timeLeftReadsInWords() {
        // it printed "in 44 days" by whole days rounded down, "in 36 hours", and the hour count by hand
        assertEquals("in 44 days (Tue 14 Apr 2026)", eta(44 * 24 * HOUR + 3 * HOUR));
        assertEquals("in 9.5 days (Tue 10 Mar 2026)", eta(9 * 24 * HOUR + 12 * HOUR));
        assertEquals("in 36 hours (Mon 2 Mar 12:00)", eta(36 * HOUR));
        assertEquals("in 1 hour (Sun 1 Mar 01:00)", eta(HOUR));
        assertEquals("within the hour (Sun 1 Mar 00:20)", eta(20 * 60_000L));
    }
}
