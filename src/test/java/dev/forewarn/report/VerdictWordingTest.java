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
        assertTrue(summary.contains("Dates are the most likely day; in brackets, the range of days that holds it with 95 % confidence."), summary);
        assertFalse(summary.contains("interval in brackets"), summary);
    }

    /** The load chart's axis and caption read "cpu.load15": a metric name, not words. */
    @Test
    void loadIsNamedInWords() {
        assertEquals("load (15-minute average)", ReportText.resource(dev.forewarn.series.SeriesKey.of("cpu.load15")));
        String caption = HtmlReport.caption(ReportFixtures.fewMinutesOfLoad().items().get(0), ReportFixtures.fewMinutesOfLoad());
        assertTrue(caption.contains("Blue: measured load (15-minute average)."), caption);
    }
}
