package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class ForecastEngineTest {

    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    static final long T0 = 1_772_323_200_000L; // 2026-03-01T00:00:00Z
    static final SeriesKey AVAIL = SeriesKey.of("fs.avail_bytes", "mount", "/var");
    static final SeriesKey USED = SeriesKey.of("fs.used_bytes", "mount", "/var");
    static final double GB = 1e9;

    private final ForecastEngine engine = new ForecastEngine();

    static Series series(SeriesKey key, long from, long to, long step, LongToDoubleFunction f) {
        int n = (int) ((to - from) / step) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from + i * step;
            v[i] = f.applyAsDouble(t[i]);
        }
        return new Series(key, t, v);
    }

    static ForecastRequest request(double threshold, Direction d, long at) {
        return new ForecastRequest(threshold, d, at, 0.8, ForecastRequest.DEFAULT_HORIZON_MILLIS);
    }

    @Test
    void cleanLineGivesExactSlopeAndExactCrossing() {
        // 100 GB free, losing 2 GB a day: at day 10 there are 80 GB left, so 0 is reached at day 50.
        Series s = series(AVAIL, T0, T0 + 10 * DAY, 5 * 60_000L, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY);
        Projection p = engine.project(s, request(0, Direction.DOWN, T0 + 10 * DAY));
        assertNotNull(p.etaMillis(), p.reason());
        // A first touch is resolved to the sampling step: the first sample at 0, or the one after it.
        assertEquals(T0 + 50 * DAY, p.etaMillis(), 5 * 60_000.0, p.reason());
        assertEquals(-2 * GB, p.fit().slopePerDay(), 1.0);
        assertTrue(p.etaLowMillis() <= p.etaMillis() && p.etaHighMillis() >= p.etaMillis());
    }

    @Test
    void intervalWidensWithNoise() {
        long at = T0 + 14 * DAY;
        Random quiet = new Random(1);
        Random loud = new Random(1);
        Series calm = series(AVAIL, T0, at, 15 * 60_000L, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY + 0.05 * GB * quiet.nextGaussian());
        Series noisy = series(AVAIL, T0, at, 15 * 60_000L, t -> 100 * GB - 2 * GB * (t - T0) / (double) DAY + 3 * GB * loud.nextGaussian());
        Projection a = engine.project(calm, request(0, Direction.DOWN, at));
        Projection b = engine.project(noisy, request(0, Direction.DOWN, at));
        assertNotNull(a.etaMillis(), a.reason());
        assertNotNull(b.etaMillis(), b.reason());
        long widthCalm = a.etaHighMillis() - a.etaLowMillis();
        long widthNoisy = (b.etaHighMillis() == null ? Long.MAX_VALUE / 2 : b.etaHighMillis()) - b.etaLowMillis();
        assertTrue(widthNoisy > 3 * widthCalm, "calm " + widthCalm / HOUR + " h, noisy " + widthNoisy / HOUR + " h");
    }

    @Test
    void threePointsGiveNoEtaAndSayHowManyMoreAreNeeded() {
        Series s = new Series(AVAIL, new long[] {T0, T0 + HOUR, T0 + 2 * HOUR}, new double[] {10 * GB, 9 * GB, 8 * GB});
        Projection p = engine.project(s, request(0, Direction.DOWN, T0 + 2 * HOUR));
        assertNull(p.etaMillis());
        assertEquals(Projection.LEARNING, p.state());
        assertTrue(p.reason().startsWith("learning: needs at least 10 points, has 3"), p.reason());
        // Two days are needed and two hours are there.
        assertEquals(2 * DAY / 1000 - 2 * HOUR / 1000, p.needsMoreSeconds(), 1.0);
    }

    @Test
    void shortHistoryGivesNoEtaAndSaysHowMuchMoreIsNeeded() {
        Series s = series(AVAIL, T0, T0 + 3 * HOUR, 60_000L, t -> 10 * GB - GB * (t - T0) / (double) HOUR);
        Projection p = engine.project(s, request(0, Direction.DOWN, T0 + 3 * HOUR));
        assertNull(p.etaMillis());
        assertEquals(Projection.LEARNING, p.state());
        assertTrue(p.reason().startsWith("learning: needs at least 2 days of history, has 3 hours"), p.reason());
        assertEquals(2 * DAY / 1000 - 3 * HOUR / 1000, p.needsMoreSeconds(), 1.0);
    }

    @Test
    void flatNoiseGivesNoEtaWithAReason() {
        Random r = new Random(7);
        long at = T0 + 14 * DAY;
        Series s = series(AVAIL, T0, at, 5 * 60_000L, t -> 50 * GB + 0.5 * GB * r.nextGaussian());
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertNull(p.etaMillis(), p.reason());
        assertTrue(p.reason().startsWith("moving away") || p.reason().startsWith("no touch within"), p.reason());
        assertEquals(Projection.READY, p.state());
    }

    @Test
    void seriesMovingAwayGivesNoEta() {
        long at = T0 + 7 * DAY;
        Series s = series(AVAIL, T0, at, HOUR, t -> 50 * GB + GB * (t - T0) / (double) DAY);
        Projection p = engine.project(s, request(0, Direction.DOWN, at));
        assertNull(p.etaMillis());
        assertTrue(p.reason().startsWith("moving away"), p.reason());
    }

    @Test
    void atUsesOnlyEarlierPoints() {
        // Fills until day 10, then a sharp acceleration after: --at day 10 must not see it.
        Series s = series(USED, T0, T0 + 20 * DAY, HOUR, t -> {
            double d = (t - T0) / (double) DAY;
            return d <= 10 ? 10 * GB + GB * d : 20 * GB + 10 * GB * (d - 10);
        });
        long at = T0 + 10 * DAY;
        Projection p = engine.project(s, request(100 * GB, Direction.UP, at));
        Projection cut = engine.project(s.upTo(at), request(100 * GB, Direction.UP, at));
        assertEquals(cut, p);
        assertEquals(T0 + 90 * DAY, p.etaMillis(), 60_000.0);
        assertEquals(DataHash.sha256(s.between(at - ForecastEngine.HISTORY_MILLIS, at)), p.dataSha256());
    }
}
