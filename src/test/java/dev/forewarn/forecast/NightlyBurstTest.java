package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A disk that holds its level all day and takes a nightly spool (written, held, deleted again
 * within hours): the spool's deletion restores the level the hours before it began at, so it is
 * no level shift; where a longer spool's return passes for a cleanup, each cycle holds its level
 * until the spool, so it is no sawtooth either (the
 * benchmark's nightly-burst family checks that no origin then warns, {@code bench.NightlyBurstAlarmTest}).
 */
class NightlyBurstTest {

    /** 55 GB free; 35 GB written from 03:00 over 1.5 h, held 1.8 h, deleted over 20 minutes; AR(1) noise of 0.17 GB. */
    static Series spool(long to, long seed) {
        Random r = new Random(seed);
        double[] e = {0};
        return series(ForecastEngineTest.AVAIL, T0, to, 5 * 60_000L, t -> {
            double h = ((t - T0) % DAY) / (double) HOUR - 3;
            h = h < 0 ? h + 24 : h;
            double spool = h < 1.5 ? h / 1.5 : h < 3.3 ? 1 : h < 3.3 + 1 / 3.0 ? 1 - (h - 3.3) * 3 : 0;
            e[0] = 0.25 * e[0] + Math.sqrt(1 - 0.25 * 0.25) * 0.17 * GB * r.nextGaussian();
            return Math.max(0, 55 * GB - 35 * GB * spool + e[0]);
        });
    }

    /** The shifts the finder sees in {@code s} that free space (moves away from a threshold of 0 free). */
    private static List<LevelShifts.Shift> rises(Series s) {
        List<LevelShifts.Shift> out = new ArrayList<>();
        for (LevelShifts.Shift sh : LevelShifts.find(s.timesMillis(), s.values())) {
            if (sh.size() > 0) {
                out.add(sh);
            }
        }
        return out;
    }

    @Test
    void aSpoolsReturnIsNoShift() {
        // The window before each deletion reaches back to the level the spool left and the deletion
        // restores: the level did not move. (The old rule took it for a cleanup on most nights.)
        assertTrue(rises(spool(T0 + 30 * DAY, 7)).isEmpty(), "no move away from the threshold");
        // A weekly cleanup of a steady fill frees for good what the week took.
        Series saw = series(ForecastEngineTest.AVAIL, T0, T0 + 30 * DAY, 5 * 60_000L,
                t -> 60 * GB - 3 * GB * (((t - T0) % (7 * DAY)) / (double) DAY));
        assertEquals(4, rises(saw).size(), "the four weekly cleanups");
    }

    @Test
    void aSpoolsReturnsTakenForCleanupsAreABurst() {
        // A spool longer than the shift finder's window can still pass for a cleanup at its return:
        // each of those cycles holds its level until the spool.
        Series s = spool(T0 + 30 * DAY, 7);
        List<LevelShifts.Shift> returns = new ArrayList<>();
        for (long d = 0; d < 30; d++) {
            long at = T0 + d * DAY + 6 * HOUR + 40 * 60_000L;
            returns.add(new LevelShifts.Shift(s.lowerBound(at), at, 35 * GB));
        }
        assertTrue(Sawtooth.burstOnly(s, returns, -1), "every cycle holds its level until the spool");
        Series saw = series(ForecastEngineTest.AVAIL, T0, T0 + 30 * DAY, 5 * 60_000L,
                t -> 60 * GB - 3 * GB * (((t - T0) % (7 * DAY)) / (double) DAY));
        assertFalse(Sawtooth.burstOnly(saw, rises(saw), -1), "a steady fill is no burst");
    }

    @Test
    void aFewCaughtReturnsOfASpoolAreNoSawtooth() {
        // 410 GB free; 250 GB written from 00:00 over 2 h, held 40 minutes, deleted over 10 minutes.
        // The shift finder caught the spool's return on a few nights only, and only its last 8 GB: on
        // Saturdays and Sundays at 03:10. Between those "cleanups" the disk filled nothing (Sunday to
        // Saturday) or ended inside the spool (Saturday to Sunday): no cycle freed what it filled.
        long to = T0 + 34 * DAY + 12 * HOUR; // Sunday noon, hours after the last caught return
        Random r = new Random(11);
        Series s = series(ForecastEngineTest.AVAIL, T0, to, 5 * 60_000L, t -> {
            double h = ((t - T0) % DAY) / (double) HOUR;
            double spool = h < 2 ? h / 2 : h < 2.67 ? 1 : h < 2.83 ? 1 - (h - 2.67) / 0.17 : 0;
            return 410 * GB - 250 * GB * spool + 0.45 * GB * r.nextGaussian();
        });
        List<LevelShifts.Shift> caught = new ArrayList<>();
        for (long day = 5; day < 40; day += 7) { // T0 is a Monday: days 5 and 6 of each week
            for (long d : new long[] {day, day + 1}) {
                long at = T0 + d * DAY + 3 * HOUR + 10 * 60_000L;
                if (at < to) {
                    caught.add(new LevelShifts.Shift(s.lowerBound(at), at, 8 * GB));
                }
            }
        }
        assertNull(Sawtooth.detect(s, caught, Direction.DOWN, to, 0), "a spool's few caught returns are no cleanups");
        // A weekly cleanup that frees what the week filled is a sawtooth.
        Series saw = series(ForecastEngineTest.AVAIL, T0, to, 5 * 60_000L,
                t -> 60 * GB - 3 * GB * (((t - T0) % (7 * DAY)) / (double) DAY) + 0.05 * GB * r.nextGaussian());
        List<LevelShifts.Shift> cleanups = rises(saw);
        assertNotNull(Sawtooth.detect(saw, cleanups, Direction.DOWN, to, 0), "weekly cleanups of a steady fill: " + cleanups.size());
    }
}
