package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class TrackRecordsTest {

    static final long DAY = 86_400_000L;
    static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    /** /var fell 1 GB a day from 20 GB: it reached 0 on day 20. */
    static Series fell() {
        long[] t = new long[31];
        double[] v = new double[31];
        for (int i = 0; i <= 30; i++) {
            t[i] = i * DAY;
            v[i] = Math.max(0, 20e9 - 1e9 * i);
        }
        return new Series(VAR, t, v);
    }

    static FindingState.Raised raised(long low, long high, Long resolved) {
        return new FindingState.Raised("fs-space", VAR.toString(), Severity.WARNING, 0, resolved, 20e9, 0.0,
                (low + high) / 2, low, high, "/var fills");
    }

    @Test
    void crossingInsideTheIntervalCameTrue() {
        TrackRecordEntry e = TrackRecords.judge(raised(18 * DAY, 22 * DAY, null), fell(), 30 * DAY);
        assertEquals(TrackRecords.INSIDE, e.outcome());
        assertEquals(20 * DAY, e.crossedMillis());
    }

    @Test
    void crossingAfterTheLateBoundCameTrueOutside() {
        assertEquals(TrackRecords.OUTSIDE, TrackRecords.judge(raised(10 * DAY, 15 * DAY, null), fell(), 30 * DAY).outcome());
    }

    @Test
    void findingResolvedWithoutCrossingIsNotCountedAsCameTrue() {
        Series flat = new Series(VAR, new long[] {0, DAY, 2 * DAY}, new double[] {20e9, 19e9, 60e9});
        assertEquals(TrackRecords.RESOLVED, TrackRecords.judge(raised(18 * DAY, 22 * DAY, 2 * DAY), flat, 30 * DAY).outcome());
        assertEquals(TrackRecords.PENDING, TrackRecords.judge(raised(18 * DAY, 22 * DAY, null), flat, 10 * DAY).outcome());
        assertEquals(TrackRecords.MISSED, TrackRecords.judge(raised(18 * DAY, 22 * DAY, null), flat, 30 * DAY).outcome());
    }
}
