package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.AVAIL;
import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The date is the first time the series itself reaches the threshold, not where its mean does. */
class FirstTouchTest {

    private static final long STEP = 5 * 60_000L;
    private final ForecastEngine engine = new ForecastEngine();

    /** First time at or after {@code from} (on the sampling grid) where the generator is at or below 0. */
    private static long firstTouchAtOrBelowZero(LongToDoubleFunction f, long from) {
        for (long t = from; t < from + 400 * DAY; t += STEP) {
            if (f.applyAsDouble(t) <= 0) {
                return t;
            }
        }
        throw new AssertionError("never touches");
    }

    private static void assertStrictInterval(Projection p) {
        assertNotNull(p.etaMillis(), p.reason());
        assertNotNull(p.etaLowMillis(), p.reason());
        assertTrue(p.etaLowMillis() < p.etaMillis(), "low " + p.etaLowMillis() + " < eta " + p.etaMillis());
        assertTrue(p.etaHighMillis() == null || p.etaMillis() < p.etaHighMillis(), "eta < high");
        assertTrue(p.etaMillis() > p.atMillis(), "eta after now while the value is short of the threshold");
    }

    @Test
    void dailyTroughsGiveTheDateLongBeforeTheMeanCrosses() {
        // 2 GB/day fill, a 10 GB daily swing (the nightly spool), a little noise: the troughs reach 0
        // 5 days before the mean does.
        Random r = new Random(3);
        LongToDoubleFunction f = t -> {
            double d = (t - T0) / (double) DAY;
            return 100 * GB - 2 * GB * d - 10 * GB * Math.max(0, Math.sin(2 * Math.PI * d)) - 0.2 * GB * r.nextGaussian();
        };
        long at = T0 + 20 * DAY;
        Series s = series(AVAIL, T0, at, STEP, f);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertStrictInterval(p);
        Random quiet = new Random(4);
        LongToDoubleFunction noiseFree = t -> {
            double d = (t - T0) / (double) DAY;
            return 100 * GB - 2 * GB * d - 10 * GB * Math.max(0, Math.sin(2 * Math.PI * d)) - 0.2 * GB * quiet.nextGaussian();
        };
        long truth = firstTouchAtOrBelowZero(noiseFree, at);
        long meanCrossing = T0 + 50 * DAY;
        assertTrue(Math.abs(p.etaMillis() - truth) < DAY, "eta " + (p.etaMillis() - at) / HOUR + " h, truth "
                + (truth - at) / HOUR + " h; " + p.method() + " | " + p.reason());
        assertTrue(meanCrossing - p.etaMillis() > 3 * DAY, "eta must not be the mean's crossing");
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()),
                "interval holds the first touch");
    }

    @Test
    void weeklyStepsTowardTheThresholdAreConsumption() {
        // A batch job keeps what it writes: 20 GB every Sunday, 25 GB left after the last step.
        long at = T0 + 40 * DAY + 3 * DAY;
        Random r = new Random(8);
        LongToDoubleFunction f = t -> {
            double d = (t - T0) / (double) DAY;
            int steps = (int) Math.floor(d / 7);
            return 145 * GB - 20 * GB * steps + 0.05 * GB * r.nextGaussian();
        };
        Series s = series(AVAIL, T0, at, STEP, f);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertStrictInterval(p);
        // Steps on days 42 (25 GB left) and 49 (5 GB left) and 56 (below zero): the touch is on day 56.
        assertTrue(p.etaMillis() - at < 30 * DAY, "the staircase reaches 0 within weeks: " + (p.etaMillis() - at) / DAY
                + " d; " + p.method() + " | " + p.reason());
    }

    @Test
    void aStaircaseIsFullWhenItsStepsSayNotWhenItsLineDoes() {
        // A batch job writes 10 GB (±10 %) over an hour every 4.4 days and keeps it; 15 GB are left.
        // The next step, half a day away, leaves about 5 GB; the one after fills the disk, 4.9 days
        // from now. The date is that step's hour, not where a line through the steps (2.3 GB a day) or
        // a random day of the past would put it.
        LongToDoubleFunction f = staircase(0);
        long truth = firstTouchAtOrBelowZero(f, STAIRCASE_AT);
        Projection p = engine.project(noisy(f, STAIRCASE_AT), request(0, Direction.DOWN, STAIRCASE_AT));
        assertStrictInterval(p);
        String where = where(p, truth, DAY, "d");
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()), "the interval holds the step: " + where);
        assertEquals(truth, p.etaMillis(), 0.5 * DAY, "the date is the step's, not the line's: " + where);
    }

    @Test
    void aBatchJobThatRunsEarlierThanItsLastRunsIsStillInsideTheInterval() {
        // The staircase above, but the run that fills the disk (4.9 days from now) starts an hour
        // before its time: a batch job's start varies, and the cycle's length is measured, not
        // known. An interval that replays the past runs to within half an hour misses it (118.0-118.9 h
        // for a truth at 117.1 h).
        LongToDoubleFunction f = staircase(HOUR);
        long truth = firstTouchAtOrBelowZero(f, STAIRCASE_AT);
        Projection p = engine.project(noisy(f, STAIRCASE_AT), request(0, Direction.DOWN, STAIRCASE_AT));
        assertStrictInterval(p);
        String where = where(p, truth, HOUR, "h");
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()), "the interval holds the early run: " + where);
        assertTrue(p.etaHighMillis() != null && p.etaHighMillis() - p.etaLowMillis() < DAY, "and stays within the hours of that run: " + where);
    }

    @Test
    void aStaircaseOfHalfDaysKeepsItsDailyCycleAtTheHourItHappens() {
        // A batch job writes 10 GB (±10 %) over an hour every 5.5 days, so its runs alternate between
        // 02:00 and 14:00, and keeps it; the disk also swings 2.5 GB either way each day, lowest at 14:00.
        // The next run (02:00, 3.5 days from now) leaves about 1.5 GB, and the trough twelve hours
        // later reaches 0. A replay of the last 5.5-day cycle as it was brings the daily cycle back
        // twelve hours off, with the trough at the run: those paths touch then, and the date came 5.6 hours early.
        long firstRun = T0 + 2 * HOUR;
        long at = firstRun + Math.round(5 * 5.5 * DAY) + 2 * DAY;
        LongToDoubleFunction f = staircase(5.5, firstRun, at, 11.5 * GB, 9, 0, 2.5 * GB);
        long truth = firstTouchAtOrBelowZero(f, at);
        Projection p = engine.project(noisy(f, at), request(0, Direction.DOWN, at));
        assertStrictInterval(p);
        String where = where(p, truth, HOUR, "h");
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()), "the interval holds the trough: " + where);
        assertEquals(truth, p.etaMillis(), 3 * HOUR, "the date is the trough's, not the run's six or twelve hours before it: " + where);
    }

    /** The evaluation time of the staircase tests: 30.3 days into the history. */
    private static final long STAIRCASE_AT = T0 + 30 * DAY + Math.round(0.3 * DAY);

    /**
     * Free space (bytes, noise-free) under a batch job that writes 10 GB (±10 %) over an hour every
     * 4.4 days from T0 and keeps it, 15 GB left after the last run before {@link #STAIRCASE_AT};
     * the second run after it, the one that fills the disk, starts {@code fillingRunEarlyMillis} early.
     */
    private static LongToDoubleFunction staircase(double fillingRunEarlyMillis) {
        return staircase(4.4, T0, STAIRCASE_AT, 15 * GB, 5, fillingRunEarlyMillis, 0);
    }

    /**
     * Free space (bytes, noise-free) under a batch job that writes 10 GB (±10 %, sizes from
     * {@code seed}) over an hour every {@code periodDays} from {@code firstRun} and keeps it,
     * {@code leftBytes} left after the last run before {@code at}; the second run after it starts
     * {@code fillingRunEarlyMillis} early; a daily swing of {@code dailyBytes} either way, highest
     * at the first run's time of day.
     */
    private static LongToDoubleFunction staircase(double periodDays, long firstRun, long at, double leftBytes, long seed,
                                                  double fillingRunEarlyMillis, double dailyBytes) {
        double period = periodDays * DAY;
        int stepsBefore = (int) Math.floor((at - firstRun) / period);
        Random sizes = new Random(seed);
        double[] size = new double[12];
        for (int k = 0; k < size.length; k++) {
            size[k] = 10 * GB * (0.9 + 0.2 * sizes.nextDouble());
        }
        double full = leftBytes;
        for (int k = 0; k <= stepsBefore; k++) {
            full += size[k];
        }
        double start = full;
        return t -> {
            double v = start + dailyBytes * Math.cos(2 * Math.PI * (t - firstRun) / (double) DAY);
            for (int k = 0; k < size.length; k++) {
                double s0 = firstRun + k * period - (k == stepsBefore + 2 ? fillingRunEarlyMillis : 0);
                v -= size[k] * Math.max(0, Math.min(1, (t - s0) / (double) HOUR));
            }
            return v;
        };
    }

    /** {@code f} sampled up to {@code at} with 50 MB of noise. */
    private static Series noisy(LongToDoubleFunction f, long at) {
        Random noise = new Random(6);
        return series(AVAIL, T0, at, STEP, t -> f.applyAsDouble(t) + 0.05 * GB * noise.nextGaussian());
    }

    /** The interval, the date and the truth in {@code unitMillis} after the evaluation time, with the reason. */
    private static String where(Projection p, long truth, double unitMillis, String unit) {
        long at = p.atMillis();
        return (p.etaLowMillis() - at) / unitMillis + " / " + (p.etaMillis() - at) / unitMillis + " / "
                + (p.etaHighMillis() == null ? "open" : (p.etaHighMillis() - at) / unitMillis) + " " + unit + ", truth "
                + (truth - at) / unitMillis + " " + unit + "; " + p.method() + " | " + p.reason();
    }

    @Test
    void youngFastTrendAfterARestartGetsADate() {
        // Memory in use flat at 40 % for a month, a restart drops it to 20 %, then it climbs 1.3
        // points an hour for 19 hours: 95 % is about 39 hours away.
        SeriesKey mem = SeriesKey.of("mem.used_ratio");
        long restart = T0 + 30 * DAY;
        long at = restart + 19 * HOUR;
        Random r = new Random(12);
        Series s = series(mem, T0, at, STEP, t -> t < restart ? 40 + 0.3 * r.nextGaussian()
                : 20 + 1.3 * (t - restart) / (double) HOUR + 0.3 * r.nextGaussian());
        Projection p = engine.project(s, request(95, Direction.UP, at));
        assertStrictInterval(p);
        double hours = (p.etaMillis() - at) / (double) HOUR;
        assertTrue(hours > 25 && hours < 60, "eta in " + hours + " h; " + p.method() + " | " + p.reason());
        assertTrue(p.fit().slopePerDay() > 20, "its own slope, about 31 points a day: " + p.fit().slopePerDay());
    }

    private static final double MEM_TOTAL = 16 * GB;
    private static final long RESTART = T0 + 30 * DAY + 7 * HOUR;
    private static final double RESTART_THRESHOLD = 0.02 * MEM_TOTAL;

    /**
     * Available memory of 16 GB (bytes, noise-free) at {@code t}: 40 % for a month, a restart at
     * {@link #RESTART} frees it to 75 %, then it falls 3 points a day; a daily swing of 4 % of
     * the total either way throughout.
     */
    private static double restartUnderADailySwing(long t) {
        double level = t < RESTART ? 0.40 * MEM_TOTAL : 0.75 * MEM_TOTAL - 0.03 * MEM_TOTAL * (t - RESTART) / (double) DAY;
        return level + 0.04 * MEM_TOTAL * Math.sin(2 * Math.PI * (t - T0) / (double) DAY);
    }

    /** That memory sampled up to {@code at}, with noise of 0.3 % of the total from {@code seed}. */
    private static Series restartUnderADailySwing(long at, long seed) {
        Random r = new Random(seed);
        return series(SeriesKey.of("mem.available_bytes"), T0, at, STEP,
                t -> restartUnderADailySwing(t) + 0.003 * MEM_TOTAL * r.nextGaussian());
    }

    @Test
    void aRestartUnderALargeDailyCycleForecastsWithItsOwnSlope() {
        // 16 GB of memory available at 40 % for a month with a daily swing of 4 % of total either
        // way; a restart frees it to 75 %, then it falls 3 points a day: the 2 % threshold is about
        // 24 days away. A day and a half after the restart the swing moves a half-day slope more
        // than the trend does, yet the young regime's own slope is the one that forecasts it.
        long at = RESTART + 36 * HOUR;
        Projection p = engine.project(restartUnderADailySwing(at, 21), request(RESTART_THRESHOLD, Direction.DOWN, at));
        assertStrictInterval(p);
        long truth = firstTouchAtOrBelowZero(t -> restartUnderADailySwing(t) - RESTART_THRESHOLD, at);
        assertTrue(p.method().contains("since the rise"), "the fit starts at the restart: " + p.method());
        assertTrue(Math.abs(p.etaMillis() - truth) < 4 * DAY, "eta in " + (p.etaMillis() - at) / DAY + " d, truth in "
                + (truth - at) / DAY + " d; " + p.method() + " | " + p.reason());
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()),
                "interval holds the first touch");
    }

    @Test
    void hoursAfterARestartTheDailyCycleOfBeforeBoundsTheDate() {
        // As above, 40 hours after the restart: too young for a daily profile of its own, the fall
        // is told from the swing by the profile of the days before, which a restart does not end.
        // Fitted with the swing in it, the young slope was twice as steep and the date two weeks early.
        long at = RESTART + 40 * HOUR;
        Projection p = engine.project(restartUnderADailySwing(at, 23), request(RESTART_THRESHOLD, Direction.DOWN, at));
        assertStrictInterval(p);
        long truth = firstTouchAtOrBelowZero(t -> restartUnderADailySwing(t) - RESTART_THRESHOLD, at);
        assertTrue(Math.abs(p.etaMillis() - truth) < 4 * DAY, "eta in " + (p.etaMillis() - at) / DAY + " d, truth in "
                + (truth - at) / DAY + " d; " + p.method() + " | " + p.reason());
        assertNotNull(p.etaHighMillis(), "a late bound within the horizon: " + p.reason());
        assertTrue(p.etaLowMillis() <= truth && truth <= p.etaHighMillis(), "interval holds the first touch: "
                + (p.etaLowMillis() - at) / DAY + " to " + (p.etaHighMillis() - at) / DAY + " d, truth " + (truth - at) / DAY + " d");
    }

    @Test
    void oneAndAHalfDaysOfHistoryIsLearningWithHowMuchMore() {
        long at = T0 + 36 * HOUR;
        Series s = series(AVAIL, T0, at, STEP, t -> 100 * GB - 5 * GB * (t - T0) / (double) DAY);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertEquals(Projection.LEARNING, p.state());
        assertNull(p.etaMillis());
        assertEquals(12 * 3600L, p.needsMoreSeconds(), 1.0);
        assertTrue(ProjectionText.headline(p, java.time.ZoneOffset.UTC).contains("learning"), ProjectionText.headline(p, java.time.ZoneOffset.UTC));
        assertTrue(!ProjectionText.headline(p, java.time.ZoneOffset.UTC).contains("within a year"));
    }

    @Test
    void aNoiseFreeLineStillHasAnIntervalOfNonZeroWidth() {
        long at = T0 + 10 * DAY;
        Series s = series(AVAIL, T0, at, STEP, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertStrictInterval(p);
        assertNotNull(p.etaHighMillis());
        assertEquals(T0 + 50 * DAY, p.etaMillis(), HOUR);
    }

    @Test
    void theSameDataAlwaysGivesTheSameAnswer() {
        Random r = new Random(1);
        long at = T0 + 10 * DAY;
        Series s = series(AVAIL, T0, at, STEP, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY + GB * r.nextGaussian());
        assertEquals(engine.project(s, request(0, Direction.DOWN, at)), engine.project(s, request(0, Direction.DOWN, at)));
    }

    @Test
    void thePathBandIsExposedAndBracketsItsMedian() {
        Random r = new Random(2);
        long at = T0 + 10 * DAY;
        Series s = series(AVAIL, T0, at, STEP, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY + GB * r.nextGaussian());
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertNotNull(p.path());
        ProjectedPath path = p.path();
        assertTrue(path.timesMillis().length > 10);
        for (int i = 0; i < path.timesMillis().length; i++) {
            assertTrue(path.low()[i] <= path.median()[i] && path.median()[i] <= path.high()[i]);
            assertTrue(path.timesMillis()[i] > at);
        }
        assertTrue(path.high()[path.high().length - 1] - path.low()[path.low().length - 1] > 2 * GB, "band carries the noise");
    }
}
