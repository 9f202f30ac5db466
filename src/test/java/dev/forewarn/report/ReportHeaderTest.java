package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import org.junit.jupiter.api.Test;

/**
 * The line under the title and the appendix say which points the report shows and which the
 * forecasts read: a forecast reads 120 days, so "the findings use the points from" the start of
 * the 90 days shown was not true (the demo's sawtooth fit began weeks before it).
 */
class ReportHeaderTest {

    private static final long DAY = 86_400_000L;

    @Test
    void theHeaderSaysWhatIsShownAndThatTheForecastsReadMore() {
        Report r = ReportFixtures.report("/var");
        String header = ReportText.header(r);
        assertTrue(header.contains("this report shows the points from "), header);
        assertTrue(header.contains("(90 days of data)"), header);
        assertTrue(header.contains("the forecasts read up to the last " + ForecastEngine.HISTORY_MILLIS / DAY + " days"), header);
        assertFalse(header.contains("the findings use"), header);
    }

    @Test
    void theAppendixSaysTheSameOfTheHistory() {
        String evaluated = AppendixFacts.of(ReportFixtures.report("/var")).stream()
                .filter(f -> f.label().equals("Evaluated at")).findFirst().orElseThrow().value();
        assertTrue(evaluated.contains("the report shows history since "
                + dev.forewarn.series.Times.local(ReportFixtures.AT - 90 * DAY, java.time.ZoneOffset.UTC)
                + "; the forecasts read up to the last 120 days"), evaluated);
    }

    @Test
    void spansAreWrittenInWords() {
        assertEquals("90 days", ReportText.span(90 * DAY));
        assertEquals("120 days", ReportText.span(ForecastEngine.HISTORY_MILLIS));
        assertEquals("37 hours", ReportText.span(37 * 3_600_000L));
        assertEquals("20 minutes", ReportText.span(20 * 60_000L));
    }

    /** A new host's report said "history since" three months ago and named forecasts that never ran. */
    @Test
    void theAppendixOfAFewMinutesSaysWhereTheHistoryStarts() {
        String evaluated = AppendixFacts.of(ReportFixtures.fewMinutesOfLoad()).stream()
                .filter(f -> f.label().equals("Evaluated at")).findFirst().orElseThrow().value();
        var utc = java.time.ZoneOffset.UTC;
        assertEquals(dev.forewarn.series.Times.local(ReportFixtures.AT, utc) + "; the report shows history from "
                + dev.forewarn.series.Times.local(ReportFixtures.AT - 13 * 60_000L, utc) + ", its first point (asked for since "
                + dev.forewarn.series.Times.local(ReportFixtures.AT - 90 * DAY, utc) + ")", evaluated);
        String header = ReportText.header(ReportFixtures.fewMinutesOfLoad());
        assertTrue(header.contains("(13 minutes of data)"), header);
        assertFalse(header.contains("forecasts"), header);
    }
}
