package dev.forewarn.forecast;

import static dev.forewarn.forecast.ForecastEngineTest.AVAIL;
import static dev.forewarn.forecast.ForecastEngineTest.DAY;
import static dev.forewarn.forecast.ForecastEngineTest.GB;
import static dev.forewarn.forecast.ForecastEngineTest.HOUR;
import static dev.forewarn.forecast.ForecastEngineTest.T0;
import static dev.forewarn.forecast.ForecastEngineTest.request;
import static dev.forewarn.forecast.ForecastEngineTest.series;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Series;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine words every value and rate in the unit of the series it projects: a bytes series'
 * errors, peaks, shifts and rates read {@code 78.9 GB}, {@code −2.07 GB/day}, not
 * {@code 78.9 billion} or {@code 7.89e+10}; a counter's in its per-second rate.
 */
class ForecastReasonUnitsTest {

    /** A number, then a byte unit: "15.1 MB", "−2.07 GB/day". */
    private static final String BYTES = "[\u2212+]?[0-9][0-9.,]* [kMGTPE]?B";
    /** Magnitudes named in words, the unitless fallback, or exponent notation. */
    private static final Pattern UNITLESS = Pattern.compile("million|billion|trillion|\\d[eE][+-]?\\d");

    private final ForecastEngine engine = new ForecastEngine();

    private static void wordsHaveUnits(Projection p) {
        String all = p.method() + " | " + p.reason() + " | " + ProjectionText.line(p, ZoneOffset.UTC);
        assertFalse(UNITLESS.matcher(all).find(), all);
    }

    @Test
    void modelChoiceErrorsOfABytesSeriesAreInBytes() {
        Random r = new Random(11);
        long at = T0 + 20 * DAY;
        Series s = series(AVAIL, T0, at, HOUR, t -> 300 * GB - 2 * GB * (t - T0) / (double) DAY + 0.5 * GB * r.nextGaussian());
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertTrue(Pattern.compile("mean error " + BYTES + " vs [a-z +-]+ " + BYTES).matcher(p.reason()).find(), p.reason());
        wordsHaveUnits(p);
    }

    @Test
    void sawtoothPeakAndPeakSlopeOfABytesSeriesAreInGigabytes() {
        // 3 GB/day written, 21 GB freed every 7 days, a little less freed each time: the peaks fall.
        long at = T0 + 40 * DAY + 20 * HOUR;
        Random r = new Random(3);
        Series s = series(AVAIL, T0, at, 15 * 60_000L, t -> {
            double d = (t - T0) / (double) DAY;
            double cycles = Math.floor(d / 7 + 1e-9);
            return 80 * GB - 3 * GB * d + (21 - 0.5) * GB * cycles + 0.05 * GB * r.nextGaussian();
        });
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertTrue(p.method().startsWith("envelope"), p.method() + " | " + p.reason());
        assertTrue(Pattern.compile("the next peak is projected at " + BYTES + ", the peaks move " + BYTES + "/day").matcher(p.reason()).find(),
                p.reason());
        assertTrue(p.reason().contains("cleanups every 7 days"), p.reason());
        wordsHaveUnits(p);
    }

    @Test
    void aRateMovingAwayIsInBytesPerDay() {
        long at = T0 + 7 * DAY;
        Series s = series(AVAIL, T0, at, HOUR, t -> 50 * GB + GB * (t - T0) / (double) DAY);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertNull(p.etaMillis());
        assertTrue(p.reason().startsWith("moving away from the threshold (+1 GB/day)"), p.reason());
        wordsHaveUnits(p);
    }

    @Test
    void aLevelShiftInTheMethodIsInBytes() {
        // Filled at 5 GB/day, 30 GB cleaned on day 10, filling at 1 GB/day since.
        long at = T0 + 20 * DAY;
        Series s = series(AVAIL, T0, at, 30 * 60_000L, t -> {
            double d = (t - T0) / (double) DAY;
            return d < 10 ? 80 * GB - 5 * GB * d : 60 * GB - GB * (d - 10);
        });
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertTrue(Pattern.compile("since the rise of " + BYTES + " of ").matcher(p.method()).find(), p.method());
        assertTrue(p.method().contains("the 10 days since"), p.method());
        wordsHaveUnits(p);
    }

    @Test
    void thePresentValueBeyondTheThresholdIsInBytes() {
        long at = T0 + 7 * DAY;
        Series s = series(AVAIL, T0, at, HOUR, t -> 5 * GB);
        Projection p = engine.project(s, request(10 * GB, Direction.DOWN, at));
        assertTrue(p.reason().contains("the present value 5 GB is already"), p.reason());
    }

    @Test
    void aByteCounterIsWordedAsItsRatePerSecond() {
        // received bytes, the rate rising 1 MB/s a day from 10 MB/s: the counter is the integral
        SeriesKey rx = SeriesKey.of("net.rx_bytes_total", "iface", "eth0");
        long at = T0 + 14 * DAY;
        Series s = series(rx, T0, at, 10 * 60_000L, t -> {
            double sec = (t - T0) / 1000.0;
            return 10e6 * sec + 1e6 * sec * sec / 86_400.0 / 2;
        });
        Projection p = engine.project(s, request(40e6, Direction.UP, at));
        String line = ProjectionText.line(p, ZoneOffset.UTC);
        assertTrue(line.contains("reaches 40 MB/s on "), line);
        assertTrue(line.contains("+1 MB/s per day"), line);
        assertFalse(line.contains("GB/day"), line);
        wordsHaveUnits(p);
    }

    @Test
    void aPlainCountHasNoByteUnit() {
        Random r = new Random(2);
        SeriesKey inodes = SeriesKey.of("fs.inodes_free", "mount", "/var");
        long at = T0 + 20 * DAY;
        Series s = series(inodes, T0, at, HOUR, t -> 3e7 - 4e5 * (t - T0) / (double) DAY + 1e4 * r.nextGaussian());
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertFalse(Pattern.compile("\\d B\\b|GB|MB").matcher(p.reason()).find(), p.reason());
        assertTrue(p.reason().contains("mean error "), p.reason());
    }
}
