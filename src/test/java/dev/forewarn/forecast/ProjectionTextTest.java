package dev.forewarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Fit;
import dev.forewarn.series.SeriesKey;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProjectionTextTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void fillReadsAsADateWithItsIntervalAndTheEvidence() {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/var"), t("2026-03-08T00:00:00Z"), 12.9e9, 0,
                Direction.DOWN, t("2026-03-14T09:00:00Z"), t("2026-03-09T00:00:00Z"), t("2026-03-18T00:00:00Z"), 0.8,
                "theil-sen over the 7.0 days since the drop of 3e9 of 2026-03-01T00:00:00Z", "why",
                new Fit(2016, t("2026-03-01T00:00:00Z"), t("2026-03-08T00:00:00Z"), -1.2e9, 0.97, 3.1e7),
                BacktestSummary.none(), "abc");
        assertEquals("/var fills on Sat 14 Mar 2026 (80 %: 9–18 Mar); robust trend since 1 Mar, −1.2 GB/day, 2,016 points",
                ProjectionText.line(p, ZoneOffset.UTC));
    }

    @Test
    void noDateSaysWhy() {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/"), 0, 1e9, 0, Direction.DOWN, null, null, null,
                0.8, "too little history", "needs at least 2 days of history, has 3 hours", null, BacktestSummary.none(), "abc");
        assertEquals("/: no date (needs at least 2 days of history, has 3 hours)", ProjectionText.line(p, ZoneOffset.UTC));
    }

    @Test
    void aSeriesAlreadyPastItsThresholdSaysTheThresholdAsWritten() {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/data"), t("2026-03-08T00:00:00Z"), 90e9,
                100 * 1024.0 * 1024 * 1024, Direction.DOWN, t("2026-03-08T00:00:00Z"), null, null, 0.8, "present value", "reached",
                null, BacktestSummary.none(), "abc").withThresholdText("100 GiB (107 GB)");
        assertEquals("/data is already at or below 100 GiB (107 GB)", ProjectionText.headline(p, ZoneOffset.UTC));
    }

    @Test
    void aFallingSeriesFallsToTheThresholdAsWrittenAndALevelWithoutAWrittenFormIsFormatted() {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/data"), t("2026-03-08T00:00:00Z"), 200e9,
                100 * 1024.0 * 1024 * 1024, Direction.DOWN, t("2026-03-14T09:00:00Z"), t("2026-03-09T00:00:00Z"),
                t("2026-03-18T00:00:00Z"), 0.8, "theil-sen", "why", null, BacktestSummary.none(), "abc");
        assertEquals("/data falls to 107 GB free on Sat 14 Mar 2026 (80 %: 9–18 Mar)", ProjectionText.headline(p, ZoneOffset.UTC));
        assertEquals("/data falls to 100 GiB (107 GB) free on Sat 14 Mar 2026 (80 %: 9–18 Mar)",
                ProjectionText.headline(p.withThresholdText("100 GiB (107 GB)"), ZoneOffset.UTC));
    }

    /** Memory 31 hours from its trough: "8–9 Dec" would hide the hours a sysadmin plans by. */
    static Projection memoryAt(String eta, String low, String high) {
        return new Projection(SeriesKey.of("mem.available_bytes"), t("2026-12-07T05:50:00Z"), 2.48e9, 344e6, Direction.DOWN,
                t(eta), t(low), t(high), 0.8, "quadratic", "why", null, BacktestSummary.none(), "abc");
    }

    @Test
    void aDateUnderTwoDaysOutShowsItsClockAndSoDoesItsInterval() {
        Projection p = memoryAt("2026-12-08T13:15:00Z", "2026-12-08T11:00:00Z", "2026-12-08T14:20:00Z");
        assertEquals("80 %: 8 Dec 11:00–14:20", ProjectionText.interval(p, ZoneOffset.UTC));
        assertEquals("mem.available_bytes falls to 344 MB free on Tue 8 Dec 2026 13:15 (80 %: 8 Dec 11:00–14:20)",
                ProjectionText.headline(p, ZoneOffset.UTC));
        Projection overnight = memoryAt("2026-12-08T01:00:00Z", "2026-12-07T21:00:00Z", "2026-12-09T02:30:00Z");
        assertEquals("80 %: 7 Dec 21:00 – 9 Dec 02:30", ProjectionText.interval(overnight, ZoneOffset.UTC));
    }

    @Test
    void aDateTwoDaysOrMoreOutKeepsDays() {
        Projection p = memoryAt("2026-12-09T06:00:00Z", "2026-12-08T11:00:00Z", "2026-12-10T14:20:00Z");
        assertEquals("80 %: 8–10 Dec", ProjectionText.interval(p, ZoneOffset.UTC));
        assertEquals("mem.available_bytes falls to 344 MB free on Wed 9 Dec 2026 (80 %: 8–10 Dec)", ProjectionText.headline(p, ZoneOffset.UTC));
    }
}
