package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Page 1 says how sure its dates are in words, not only by naming "the 95 % interval". */
class VerdictWordingTest {

    @Test
    void theSummarySaysWhatTheBracketedRangeIs() {
        String summary = Verdict.of(ReportFixtures.report("/var")).summary();
        assertTrue(summary.contains("Each date is the middle estimate, as likely to come later as earlier; in brackets, the range that holds it with 95 % confidence."), summary);
        assertFalse(summary.contains("interval in brackets"), summary);
        // the date is the median of the simulated first touches, not their mode
        assertFalse(summary.contains("most likely"), summary);
    }

    /** The load chart's axis and caption read "cpu.load15": a metric name, not words. */
    @Test
    void loadIsNamedInWords() {
        assertEquals("load (15-minute average)", ReportText.resource(dev.forewarn.series.SeriesKey.of("cpu.load15")));
        String caption = HtmlReport.caption(ReportFixtures.fewMinutesOfLoad().items().get(0), ReportFixtures.fewMinutesOfLoad());
        assertTrue(caption.contains("Blue: measured load (15-minute average)."), caption);
    }

    /** Page 1 lists what a purchase request needs: what to order and by when, one phrase each. */
    @Test
    void theSummaryListsWhatToOrderAndByWhen() {
        Report r = ReportFixtures.report("/var");
        ReportItem var = r.items().stream().filter(i -> i.finding().projection().hasEta()).findFirst().orElseThrow();
        String summary = Verdict.of(r).summary();
        assertTrue(summary.endsWith(" To order: " + dev.forewarn.series.Units.BYTES.format(var.recommendation().amount()) + " for /var by "
                + ReportText.day(ReportFixtures.ETA_LOW - 30 * 86_400_000L, java.time.ZoneOffset.UTC) + "."), summary);
    }

    /** A leak fixed by restarting its process is not a purchase; a calm host orders nothing. */
    @Test
    void aLeakAndACalmFindingOrderNothing() {
        String calm = Verdict.of(ReportFixtures.fewMinutesOfLoad()).summary();
        assertFalse(calm.contains("To order"), calm);
        long day = 86_400_000L;
        long at = ReportFixtures.AT;
        var key = dev.forewarn.series.SeriesKey.of("mem.available_bytes");
        var p = new dev.forewarn.forecast.Projection(key, at, 2.36e9, 3.44e8, dev.forewarn.forecast.Direction.DOWN, at + 3 * day, at + 2 * day,
                at + 4 * day, 0.95, "quadratic", "why", new dev.forewarn.forecast.Fit(100, at - 35 * day, at, -3.86e8, 0.97, 4.4e8),
                dev.forewarn.forecast.BacktestSummary.none(), null);
        var f = new dev.forewarn.rules.Finding("mem-available", new dev.forewarn.rules.RuleSource("built-in:rules/memory.yaml", 4, 5),
                dev.forewarn.rules.Severity.WARNING, "memory runs out", p);
        var history = ReportFixtures.flatHistory(key);
        Report leak = new ReportBuilder().atMillis(at).zone(java.time.ZoneOffset.UTC).culprits(x -> "billing-api (pid 7), which grew,")
                .build(java.util.List.of(f), k -> history);
        String summary = Verdict.of(leak).summary();
        assertTrue(leak.items().get(0).recommendation().action().startsWith("Before "), leak.items().get(0).recommendation().action());
        assertFalse(summary.contains("To order"), summary);
        Report buy = new ReportBuilder().atMillis(at).zone(java.time.ZoneOffset.UTC).build(java.util.List.of(f), k -> history);
        assertTrue(Verdict.of(buy).summary().contains("To order: 35 GB of memory now (its order-by date has passed)."), Verdict.of(buy).summary());
    }
}
