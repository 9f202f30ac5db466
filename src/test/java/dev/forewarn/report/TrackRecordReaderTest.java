package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.InMemoryFindingState;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The track record's three kinds of "nothing to show" are told apart, and it is cut at the report's time. */
class TrackRecordReaderTest {

    private static final long DAY = 86_400_000L;
    private static final long AT = 1_796_000_000_000L;
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    private static FindingState.Raised raised(long atMillis, Long etaMillis) {
        return new FindingState.Raised("fs-space", VAR.toString(), Severity.WARNING, atMillis, null, 5e9, 0.0,
                etaMillis, etaMillis == null ? null : etaMillis - DAY, etaMillis == null ? null : etaMillis + DAY, "/var fills");
    }

    private static InMemorySeriesSource falling() {
        // 10 GB falling 1 GB a day for 12 days before AT: it reached 0 two days before AT
        int n = 13;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (n - 1 - i) * DAY;
            v[i] = Math.max(0, 10e9 - 1e9 * i);
        }
        return new InMemorySeriesSource().put(new Series(VAR, t, v));
    }

    @Test
    void aSourceWithoutAFindingsHistorySaysItKeepsNone() {
        TrackRecordReader.Read r = TrackRecordReader.read(null, falling(), "web1", AT);
        assertEquals(List.of(), r.entries());
        assertTrue(r.note().startsWith("This data source keeps no history of findings"), r.note());
    }

    @Test
    void anUnreadableHistoryIsNotPassedOffAsTheFirstReport() {
        TrackRecordReader.Read r = TrackRecordReader.read(() -> {
            throw new IllegalStateException("database is locked");
        }, falling(), "web1", AT);
        assertEquals(List.of(), r.entries());
        assertTrue(r.note().contains("could not be read (database is locked)"), r.note());
        assertTrue(!r.note().contains("first report"), r.note());
    }

    @Test
    void anEmptyHistoryIsTheFirstReportAndWhatWasRaisedLaterIsNotPartOfIt() {
        InMemoryFindingState state = new InMemoryFindingState();
        state.keep(raised(AT + DAY, AT + 5 * DAY));
        TrackRecordReader.Read r = TrackRecordReader.read(() -> state, falling(), "web1", AT);
        assertEquals(List.of(), r.entries());
        assertEquals("No earlier findings are recorded for web1 yet: this is the first report from this history.", r.note());
    }

    @Test
    void anEarlierFindingIsJudgedAgainstWhatTheSeriesDidSince() {
        InMemoryFindingState state = new InMemoryFindingState();
        state.keep(raised(AT - 12 * DAY, AT - 2 * DAY));
        state.keep(raised(AT - 11 * DAY, null)); // no date to judge: counted, not shown
        TrackRecordReader.Read r = TrackRecordReader.read(() -> state, falling(), "web1", AT);
        assertEquals(1, r.entries().size(), r.entries()::toString);
        assertEquals(TrackRecords.INSIDE, r.entries().get(0).outcome());
        assertEquals(AT - 2 * DAY, r.entries().get(0).crossedMillis());
    }

    @Test
    void aLongHistoryKeepsTheNewestEntries() {
        InMemoryFindingState state = new InMemoryFindingState();
        for (int i = 0; i < TrackRecordReader.MAX_ENTRIES + 5; i++) {
            state.keep(raised(AT - 12 * DAY + i * 60_000L, AT - 2 * DAY));
        }
        TrackRecordReader.Read r = TrackRecordReader.read(() -> state, falling(), "web1", AT);
        assertEquals(TrackRecordReader.MAX_ENTRIES, r.entries().size());
        assertEquals(AT - 12 * DAY + (TrackRecordReader.MAX_ENTRIES + 4) * 60_000L, r.entries().get(r.entries().size() - 1).raisedMillis());
        assertEquals(AT - 12 * DAY + 5 * 60_000L, r.entries().get(0).raisedMillis());
    }
}
