package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.SeriesKey;
import org.junit.jupiter.api.Test;

class FindingFactsTest {

    private static final long DAY = 86_400_000L;

    private static Projection method(String m) {
        return new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/var"), 100 * DAY, 5.0, 0, Direction.DOWN, null, null, null,
                0.95, m, "", null, BacktestSummary.none(), null);
    }

    @Test
    void allDaysOfHistoryBesideAChartOfMoreHistorySaysTheLastDaysOfTheFitWindow() {
        SeriesData ninety = new SeriesData("fs.avail_bytes{mount=\"/var\"}", "fs", 25_921, 10 * DAY, 100 * DAY, "x");
        assertEquals("theil-sen over the last 30.0 days (the fit window)",
                FindingFacts.method(method("theil-sen over all 30.0 days of history"), ninety));
    }

    @Test
    void allDaysOfHistoryBesideAChartOfTheSameSpanIsLeftAsTheEngineSaidIt() {
        SeriesData thirty = new SeriesData("fs.avail_bytes{mount=\"/var\"}", "fs", 8_641, 70 * DAY, 100 * DAY, "x");
        assertEquals("theil-sen over all 30.0 days of history",
                FindingFacts.method(method("theil-sen over all 30.0 days of history"), thirty));
    }
}
