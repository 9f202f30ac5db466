package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

/** predict_linear's straight line over the last 6 hours, solved for the finding's threshold. */
class PredictLinearBaselineTest {

    private static final long HOUR = 3_600_000L;
    private static final long AT = 1_796_000_000_000L;
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    /** A day of 5-minute points ending at AT, changing by {@code perHour} from {@code last} backwards. */
    private static Series line(SeriesKey key, double last, double perHour) {
        int n = 24 * 12 + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * 300_000L;
            v[i] = last - perHour * (AT - t[i]) / (double) HOUR;
        }
        return new Series(key, t, v);
    }

    private static Finding finding(SeriesKey key, double threshold, Direction d) {
        return new Finding("r", null, Severity.WARNING, "m", new Projection(key, AT, 0.0, threshold, d, null, null, null, 0.95,
                "theil-sen", "why", null, BacktestSummary.none(), "abc"));
    }

    @Test
    void aFallingLineMeetsTheThresholdWhereItsSlopeSays() {
        // 100 GB left, losing 1 GB an hour toward 20 GB: 80 hours
        Baseline b = PredictLinearBaseline.of(finding(VAR, 20e9, Direction.DOWN), line(VAR, 100e9, -1e9), AT);
        assertEquals(PredictLinearBaseline.METHOD, b.method());
        assertEquals(AT + 80 * HOUR, b.etaMillis(), 60_000);
    }

    @Test
    void pastTheThresholdItIsNowAndMovingAwayItIsNever() {
        assertEquals(AT, PredictLinearBaseline.of(finding(VAR, 200e9, Direction.DOWN), line(VAR, 100e9, -1e9), AT).etaMillis());
        assertNull(PredictLinearBaseline.of(finding(VAR, 20e9, Direction.DOWN), line(VAR, 100e9, 1e9), AT).etaMillis());
    }

    @Test
    void aCrossingBeyondTheYearsHorizonHasNoDate() {
        // 100 GB left, losing 1 MB an hour: 11 years
        assertNull(PredictLinearBaseline.of(finding(VAR, 0, Direction.DOWN), line(VAR, 100e9, -1e6), AT).etaMillis());
    }

    @Test
    void countsAndSmartAttributesHaveNoBaselineRow() {
        SeriesKey errors = SeriesKey.of("net.rx_errors_total", "iface", "eth0");
        assertNull(PredictLinearBaseline.of(finding(errors, 1e6, Direction.UP), line(errors, 100, 1), AT));
        SeriesKey smart = SeriesKey.of("smart.reallocated_sectors", "disk", "sda");
        assertNull(PredictLinearBaseline.of(finding(smart, 100, Direction.UP), line(smart, 50, 1), AT));
    }

    @Test
    void theFilesystemAlertIsNamedAsItsOwnOnlyOnAFilesystem() {
        SeriesKey mem = SeriesKey.of("mem.available_bytes");
        Baseline b = PredictLinearBaseline.of(finding(mem, 1e9, Direction.DOWN), line(mem, 8e9, -1e8), AT);
        // the old words "(as in node-mixin's NodeFilesystemSpaceFillingUp)" on memory read as if that alert watched memory
        assertEquals("predict_linear over the last 6 hours, as node-mixin's NodeFilesystemSpaceFillingUp does for filesystems", b.method());
        Baseline fs = PredictLinearBaseline.of(finding(VAR, 20e9, Direction.DOWN), line(VAR, 100e9, -1e9), AT);
        assertEquals("predict_linear over the last 6 hours (as in node-mixin's NodeFilesystemSpaceFillingUp)", fs.method());
    }
}
