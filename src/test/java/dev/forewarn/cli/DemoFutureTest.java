package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's forecasts are judged against the demo's own future: its history run on past the
 * end, the first sample at or beyond each rule's threshold being the truth.
 */
class DemoFutureTest {

    static final long END = Times.parseTime("2026-12-01T20:05:00Z", 0, ZoneOffset.UTC);
    static final long SEED = 20260301;
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "device", "/dev/sda3", "fstype", "ext4", "mount", "/var");
    static final SeriesKey MEM = SeriesKey.of("mem.available_bytes");
    static final long YEAR_MILLIS = 365 * 86_400_000L;

    private static Series find(List<Series> all, SeriesKey key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theDemoRunOnPastItsEndHasTheSamePointsUpToTheEnd() {
        List<Series> shown = DemoHistory.build(END, SEED);
        List<Series> future = DemoHistory.build(END, SEED, 60);
        assertEquals(shown.size(), future.size());
        for (Series s : shown) {
            Series longer = find(future, s.key());
            assertEquals(s, longer.upTo(END), s.key().toString());
            if (s.lastMillis() == DemoHistory.build(END, SEED).get(0).lastMillis() && s.size() > 1) {
                assertTrue(longer.lastMillis() > END + 59 * 86_400_000L, s.key() + " runs on");
            }
        }
    }

    @Test
    void varsIntervalHoldsTheFirstTimeTheDemoFillsIt() {
        assertHolds(VAR, 0);
    }

    @Test
    void memorysIntervalHoldsTheFirstTimeTheLeakTakesItBelowTwoPercent() {
        List<Series> all = DemoHistory.build(END, SEED, 60);
        assertHolds(MEM, 0.02 * find(all, SeriesKey.of("mem.total_bytes")).lastValue());
    }

    @Test
    void memorysIntervalHoldsWhenItsOwnPastSaysTheSlopeSpreadCannot() {
        // Built at 12:35 and reported on ten minutes later: the quadratic's past forecasts a few days ahead erred by
        // more than even eight times the slope spread holds (the fits' levels were off), and the interval, all of it on
        // Tue 8 Dec, missed the first touch of Wed 9 Dec 12:15. A level spread puts Wednesday back in.
        long end = Times.parseTime("2026-12-07T12:35:00Z", 0, ZoneOffset.UTC);
        double twoPercent = 0.02 * find(DemoHistory.build(end, SEED), SeriesKey.of("mem.total_bytes")).lastValue();
        Projection p = assertHolds(MEM, end, end + 10 * 60_000L, twoPercent);
        assertTrue(p.reason().contains("and a level spread of "), p.reason());
    }

    private static void assertHolds(SeriesKey key, double threshold) {
        assertHolds(key, END, END, threshold);
    }

    private static Projection assertHolds(SeriesKey key, long end, long at, double threshold) {
        Series all = find(DemoHistory.build(end, SEED, 60), key);
        Long truth = null;
        for (int i = 0; i < all.size() && truth == null; i++) {
            if (all.timeMillis(i) > end && all.value(i) <= threshold) {
                truth = all.timeMillis(i);
            }
        }
        assertNotNull(truth, key + " reaches " + threshold + " within 60 days of the end");
        Projection p = new ForecastEngine().project(all.upTo(end), new ForecastRequest(threshold, Direction.DOWN, at, 0.8, YEAR_MILLIS));
        assertNotNull(p.etaMillis(), p.reason());
        String got = key + ": truth " + Times.iso(truth) + ", eta " + Times.iso(p.etaMillis()) + " (" + Times.iso(p.etaLowMillis()) + " to "
                + (p.etaHighMillis() == null ? "open" : Times.iso(p.etaHighMillis())) + ")";
        assertTrue(p.etaLowMillis() <= truth && (p.etaHighMillis() == null || truth <= p.etaHighMillis()), got);
        return p;
    }
}
