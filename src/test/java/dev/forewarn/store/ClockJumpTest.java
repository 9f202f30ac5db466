package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples whose clock jumps: years ahead (a bad RTC or NTP server), and back again when it is
 * set right. Retention here keeps 1 day raw and 3 days of roll-ups, so a jump would show fast.
 */
class ClockJumpTest {

    private static final long T0 = SampleStoreTest.T0;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;

    @TempDir
    Path dir;

    private SampleStore store;
    private long clockMillis;

    private void sampleAt(long t, double v) {
        clockMillis = t; // the host's clock says so, whether right or not
        store.append(t, Map.of(SampleStoreTest.ROOT, v));
    }

    private void sampleHalfHourly(long fromMillis, long toMillis, double v) {
        for (long t = fromMillis; t <= toMillis; t += 30 * MINUTE) {
            sampleAt(t, v);
        }
    }

    /** Points the store still holds, raw or summarised in roll-ups. */
    private long kept() {
        StoreInfo info = store.info();
        return info.rawPoints() + info.rolledUpPoints();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private void open() {
        store = SampleStore.open(dir.resolve("s.db"), StoreOptions.DEFAULTS.withRetention(DAY, 3 * DAY));
        store.clock = () -> clockMillis;
    }

    @Test
    void aClockYearsAheadExpiresNoMoreHistoryThanEightHoursWouldHave() {
        open();
        sampleHalfHourly(T0, T0 + 2 * DAY, 1.0);
        assertEquals(97, kept(), "two days of half-hourly samples, raw or rolled up");

        sampleAt(T0 + 2 * DAY + 2 * YEAR, 2.0);

        assertEquals(97 + 1, kept(), "no point of the history was dropped");
        assertTrue(store.info().rawPoints() > 8 * 2, "the last day is still raw, not rolled up as of two years ahead");
        assertTrue(store.check().ok(), store.check().problems().toString());
    }

    @Test
    void aClockSetRightAgainFoldsAndRetainsAsBeforeAndKeepsTheFuturePoints() {
        open();
        sampleHalfHourly(T0, T0 + DAY, 1.0);
        sampleAt(T0 + DAY + 5 * YEAR, 2.0); // one sample with the wrong clock
        sampleHalfHourly(T0 + DAY + 30 * MINUTE, T0 + 3 * DAY, 3.0); // set right: samples go on from where they were
        StoreInfo info = store.info();
        assertTrue(info.headPoints() < 4 * 2 + 2, "recent points are folded as the windows pass, not kept in the head: " + info);
        assertTrue(info.rollupHours() > 0, "retention goes on rolling up as the days pass: " + info);
        Series future = store.read(SampleStoreTest.ROOT, T0 + 4 * DAY, Long.MAX_VALUE);
        assertEquals(1, future.size(), "the sample with the wrong time is kept as it was stored");
        assertTrue(store.check().ok(), store.check().problems().toString());
    }

    @Test
    void storeVacuumCatchesRetentionUpAtOnce() {
        open();
        sampleHalfHourly(T0, T0 + DAY, 1.0);
        sampleAt(T0 + 10 * DAY, 2.0); // back after nine days off: a sample's pass moves retention 8 h only
        assertEquals(49 + 1, kept(), "nothing dropped yet");
        store.vacuum(T0 + 10 * DAY);
        Series all = store.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(1, all.size(), "everything older than 1 + 3 days before the newest point is gone");
        assertEquals(2.0, all.value(0));
    }
}
