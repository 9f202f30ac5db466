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
    void storeVacuumAfterADowntimeMovesRetentionEightHoursThenSamplingCatchesUp() {
        open();
        sampleHalfHourly(T0, T0 + DAY, 1.0);
        sampleAt(T0 + 10 * DAY, 2.0); // back after nine days off, or a clock nine days ahead: the store cannot tell
        store.vacuum(T0 + 10 * DAY);
        assertEquals(49 + 1, kept(), "vacuum does not cross the nine-day gap at once: nothing dropped");
        sampleHalfHourly(T0 + 10 * DAY + 30 * MINUTE, T0 + 16 * DAY, 3.0);
        Series old = store.read(SampleStoreTest.ROOT, Long.MIN_VALUE, T0 + 2 * DAY);
        assertEquals(0, old.size(), "six days of sampling carried retention across the gap: the old day is gone");
    }

    @Test
    void storeVacuumCatchesUpAtOnceThroughContinuousHistory() {
        open();
        sampleHalfHourly(T0, T0 + DAY, 1.0);
        store.vacuum(T0 + DAY);
        // Ten days imported after the last pass: continuous points, no gap to doubt.
        int n = 10 * 48;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + DAY + (i + 1) * 30 * MINUTE;
            v[i] = 2.0;
        }
        store.appendAll(java.util.List.of(new Series(SampleStoreTest.ROOT, t, v)));
        store.vacuum(T0 + 11 * DAY);
        Series all = store.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
        assertTrue(all.timeMillis(0) >= T0 + 11 * DAY - 4 * DAY - HOUR,
                "everything older than 1 + 3 days before the newest point is gone: first at " + all.timeMillis(0));
    }

    @Test
    void storeVacuumUnderAClockYearsAheadExpiresNoMoreThanEightHoursWouldHave() {
        open();
        sampleHalfHourly(T0, T0 + 2 * DAY, 1.0);
        store.vacuum(T0 + 2 * DAY);
        long before = kept();
        sampleAt(T0 + 2 * DAY + 3 * YEAR, 2.0); // cron's sample with the wrong clock
        for (int i = 0; i < 3; i++) {
            store.vacuum(T0 + 2 * DAY + 3 * YEAR); // and an admin's vacuum, three times, with the same clock
        }
        assertEquals(before + 1, kept(), "no point of the history was dropped");
    }

    @Test
    void theRetentionReferenceComesBackWhenTheClockDoesAndNewSamplesAreKept() {
        open();
        sampleHalfHourly(T0, T0 + 2 * DAY, 1.0);
        sampleAt(T0 + 2 * DAY + 3 * YEAR, 2.0);
        store.vacuum(T0 + 2 * DAY + 3 * YEAR);
        clockMillis = T0 + 2 * DAY; // set right
        store.vacuum(T0 + 2 * DAY);
        sampleHalfHourly(T0 + 2 * DAY + 30 * MINUTE, T0 + 3 * DAY, 3.0);
        store.vacuum(T0 + 3 * DAY);
        Series recent = store.read(SampleStoreTest.ROOT, T0 + 2 * DAY + 1, T0 + 3 * DAY);
        assertEquals(48, recent.size(), "every sample taken after the clock was set right is kept");
        Series lastDayRaw = store.read(SampleStoreTest.ROOT, T0 + 2 * DAY + 1, T0 + 3 * DAY);
        assertTrue(store.info().rawPoints() >= 48, "the last day is raw, not rolled up as of three years ahead: " + store.info());
        assertEquals(3.0, lastDayRaw.value(lastDayRaw.size() - 1));
    }

    @Test
    void theFirstPassOnAnImportedStoreIsCappedToo() {
        store = SampleStore.open(dir.resolve("s.db"), StoreOptions.DEFAULTS.withRetention(DAY, 3 * DAY));
        store.clock = () -> clockMillis;
        clockMillis = T0 + 2 * DAY;
        store.appendAll(java.util.List.of(halfHourly(T0, T0 + 2 * DAY)));
        firstSamplesYearsAhead();
    }

    @Test
    void theFirstPassOnAStoreWithoutAReferenceStartsFromItsOldestPoint() throws Exception {
        open();
        clockMillis = T0 + 2 * DAY;
        store.appendAll(java.util.List.of(halfHourly(T0, T0 + 2 * DAY)));
        try (var st = store.connection().createStatement()) { // as an import by an older forewarn left it
            st.executeUpdate("DELETE FROM meta WHERE key = '" + Retention.REFERENCE + "'");
        }
        firstSamplesYearsAhead();
    }

    private void firstSamplesYearsAhead() {
        long before = kept();
        sampleAt(T0 + 3 * YEAR, 2.0); // one sample, then one in the next window, with the clock three years ahead
        sampleAt(T0 + 3 * YEAR + 5 * HOUR, 2.0);
        assertEquals(before + 2, kept(), "the first retention pass dropped nothing");
        assertTrue(store.info().rawPoints() > 24, "retention moved 8 h, not three years: " + store.info());
    }

    private static Series halfHourly(long fromMillis, long toMillis) {
        int n = (int) ((toMillis - fromMillis) / (30 * MINUTE)) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = fromMillis + i * 30 * MINUTE;
            v[i] = 1.0;
        }
        return new Series(SampleStoreTest.ROOT, t, v);
    }
}
