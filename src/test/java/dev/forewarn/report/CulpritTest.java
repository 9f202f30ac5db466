package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Fit;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The process named behind falling memory is the one whose growth accounts for it, and only a live one. */
class CulpritTest {

    private static final long DAY = 86_400_000L;
    private static final long AT = 1_796_000_000_000L;

    /** Available memory falling 1 GB a day over the 10 days before AT, with a date. */
    private static Finding memoryFalling() {
        Projection p = new Projection(SeriesKey.of("mem.available_bytes"), AT, 4e9, 3e8, Direction.DOWN, AT + 4 * DAY,
                AT + 3 * DAY, AT + 5 * DAY, 0.95, "theil-sen", "why", new Fit(2880, AT - 10 * DAY, AT, -1e9, 0.9, 1e7),
                BacktestSummary.none(), "abc");
        return new Finding("mem-available", null, Severity.WARNING, "memory runs low", p);
    }

    private static Series rss(String name, String pid, long from, long to, double first, double last) {
        return new Series(SeriesKey.of("proc.rss_bytes", "name", name, "pid", pid), new long[] {from, (from + to) / 2, to},
                new double[] {first, (first + last) / 2, last});
    }

    @Test
    void theProcessThatGrewMostAndAccountsForTheDeclineIsNamed() {
        InMemorySeriesSource s = new InMemorySeriesSource()
                .put(rss("billing-api", "4242", AT - 10 * DAY, AT, 1e9, 9e9))
                .put(rss("postgres", "1187", AT - 10 * DAY, AT, 2e9, 3e9));
        assertEquals("billing-api (pid 4242), which grew from 1 GB to 9 GB since " + ReportText.day(AT - 10 * DAY, ZoneOffset.UTC),
                Culprit.of(memoryFalling(), s, AT, ZoneOffset.UTC));
    }

    @Test
    void growthBelowHalfTheDeclineNamesNobody() {
        // 10 GB fell; the biggest grower gained 4 GB
        InMemorySeriesSource s = new InMemorySeriesSource().put(rss("postgres", "1187", AT - 10 * DAY, AT, 2e9, 6e9));
        assertNull(Culprit.of(memoryFalling(), s, AT, ZoneOffset.UTC));
    }

    @Test
    void aProcessThatHasEndedIsNotTheCulprit() {
        // the leaking pid was restarted two days ago; its successor has barely grown
        InMemorySeriesSource s = new InMemorySeriesSource()
                .put(rss("billing-api", "4242", AT - 10 * DAY, AT - 2 * DAY, 1e9, 9e9))
                .put(rss("billing-api", "5955", AT - 2 * DAY, AT, 0.8e9, 1.2e9));
        assertNull(Culprit.of(memoryFalling(), s, AT, ZoneOffset.UTC));
    }

    @Test
    void onlyMemoryFindingsWithADateHaveACulprit() {
        InMemorySeriesSource s = new InMemorySeriesSource().put(rss("billing-api", "4242", AT - 10 * DAY, AT, 1e9, 9e9));
        Projection p = memoryFalling().projection();
        Projection noDate = new Projection(p.series(), p.atMillis(), p.value(), p.threshold(), p.direction(), null, null, null,
                p.confidence(), p.method(), p.reason(), p.fit(), p.backtest(), p.dataSha256());
        assertNull(Culprit.of(new Finding("mem-available", null, Severity.OK, "fine", noDate), s, AT, ZoneOffset.UTC));
        Projection disk = p.withSeries(SeriesKey.of("fs.avail_bytes", "mount", "/"));
        assertNull(Culprit.of(new Finding("fs-space", null, Severity.WARNING, "fills", disk), s, AT, ZoneOffset.UTC));
    }
}
