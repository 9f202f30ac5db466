package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("robust trend over the last 30.0 days (the fit window)",
                FindingFacts.method(method("theil-sen over all 30.0 days of history"), ninety));
    }

    @Test
    void allDaysOfHistoryBesideAChartOfTheSameSpanIsLeftAsTheEngineSaidIt() {
        SeriesData thirty = new SeriesData("fs.avail_bytes{mount=\"/var\"}", "fs", 8_641, 70 * DAY, 100 * DAY, "x");
        assertEquals("robust trend over all 30.0 days of history",
                FindingFacts.method(method("theil-sen over all 30.0 days of history"), thirty));
    }

    @Test
    void theMethodRowNamesTheModelInWordsAndKeepsTheRest() {
        SeriesData thirty = new SeriesData("fs.avail_bytes{mount=\"/var\"}", "fs", 8_641, 70 * DAY, 100 * DAY, "x");
        // the engine's labels are estimator names a reader cannot look up; the span and shift stay as the engine said them
        assertEquals("accelerating (quadratic) trend over the last 35 days",
                FindingFacts.method(method("quadratic over the last 35 days"), thirty));
        assertEquals("robust trend after removing the daily cycle over the 9 days since the drop of 3 GB of Mon 2 Mar 2026 00:00",
                FindingFacts.method(method("theil-sen + daily profile over the 9 days since the drop of 3 GB of Mon 2 Mar 2026 00:00"), thirty));
        assertEquals("envelope of 17 cycle peaks (sawtooth)", FindingFacts.method(method("envelope of 17 cycle peaks (sawtooth)"), thirty));
    }

    private static String row(java.util.List<FindingFacts.Fact> facts, String label) {
        return facts.stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }

    /** A rule that is OK beside a dated crossing is the PLAN badge: a bare "(OK)" beside "fills up" read as a contradiction. */
    @Test
    void anOkRuleBesideACrossingSaysWhyItIsNotAnAlert() {
        var f = ReportFixtures.varFinding("/var");
        var ok = new dev.forewarn.rules.Finding(f.ruleId(), f.source(), dev.forewarn.rules.Severity.OK, f.message(), f.projection());
        var item = new ReportBuilder().zone(java.time.ZoneOffset.UTC).atMillis(ReportFixtures.AT)
                .build(java.util.List.of(ok), k -> ReportFixtures.varHistory(k)).items().get(0);
        String rule = row(FindingFacts.of(item, java.time.ZoneOffset.UTC), "Rule");
        assertEquals("fs-fills (OK: not alerting yet, so listed to plan for), defined in built-in:rules/filesystem.yaml:12:3", rule);
        String warned = row(FindingFacts.of(ReportFixtures.report("/var").items().stream()
                .filter(i -> i.finding().projection().hasEta()).findFirst().orElseThrow(), java.time.ZoneOffset.UTC), "Rule");
        assertEquals("fs-fills (WARNING), defined in built-in:rules/filesystem.yaml:12:3", warned);
    }

    /** "in 41d 9h" is written "in 41 days": the crossing's distance in words a manager reads. */
    @Test
    void theCrossingsDistanceIsInDays() {
        var item = ReportFixtures.report("/var").items().stream().filter(i -> i.finding().projection().hasEta()).findFirst().orElseThrow();
        assertEquals("Sat 14 Mar 2026, in 41 days", row(FindingFacts.of(item, java.time.ZoneOffset.UTC), "Projected crossing"));
    }

    /** Eight minutes of data said "Tue 1 Dec 2026 to Tue 1 Dec 2026": short spans carry their times. */
    @Test
    void dataOfLessThanTwoDaysIsDatedToTheMinute() {
        var item = ReportFixtures.fewMinutesOfLoad().items().get(0);
        assertEquals("8 points from cpu collector, " + dev.forewarn.series.Times.local(ReportFixtures.AT - 13 * 60_000L, java.time.ZoneOffset.UTC)
                + " to " + dev.forewarn.series.Times.local(ReportFixtures.AT - 6 * 60_000L, java.time.ZoneOffset.UTC),
                row(FindingFacts.of(item, java.time.ZoneOffset.UTC), "Data in this report"));
    }

    /** "11.5 at 23:52" named the report's time for a point measured at 23:46. */
    @Test
    void thePresentValueIsDatedWhenItWasMeasured() {
        var item = ReportFixtures.fewMinutesOfLoad().items().get(0);
        assertEquals("11.5 at " + dev.forewarn.series.Times.local(ReportFixtures.AT - 6 * 60_000L, java.time.ZoneOffset.UTC),
                row(FindingFacts.of(item, java.time.ZoneOffset.UTC), "Present value"));
    }

    @Test
    void aSawtoothFitCountsCyclePeaksAndSaysItReadsBeforeTheReportsData() {
        Projection p = new Projection(SeriesKey.of("fs.avail_bytes", "mount", "/var"), 100 * DAY, 5e10, 0, Direction.DOWN, null, null, null,
                0.95, "envelope of 17 cycle peaks (sawtooth)", "", new dev.forewarn.forecast.Fit(17, 0, 95 * DAY, -2e9, 0.99, 1e9),
                BacktestSummary.none(), null);
        SeriesData ninety = new SeriesData("fs.avail_bytes{mount=\"/var\"}", "fs", 25_921, 10 * DAY, 100 * DAY, "x");
        String row = FindingFacts.fit(p, ninety, java.time.ZoneOffset.UTC);
        // "17 points from <a day before the data shown>" read as points missing from the report
        assertTrue(row.startsWith("17 cycle peaks from "), row);
        assertTrue(row.contains("(before this report's data: the forecast reads the last "), row);
    }
}
