package dev.forewarn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.forecast.BacktestSummary;
import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.Projection;
import dev.forewarn.series.SeriesKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportDatesTest {

    private static Projection memory(String eta, String low, String high) {
        return new Projection(SeriesKey.of("mem.available_bytes"), t("2026-12-07T05:50:00Z"), 2.48e9, 344e6, Direction.DOWN,
                t(eta), t(low), t(high), 0.95, "quadratic", "why", null, BacktestSummary.none(), "abc");
    }

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aTroughThirtyOneHoursOutIsGivenWithItsHours() {
        Projection p = memory("2026-12-08T13:15:00Z", "2026-12-08T09:05:00Z", "2026-12-08T14:20:00Z");
        assertEquals("Tue 8 Dec 2026 13:15", ReportText.eta(p, ZoneOffset.UTC));
        assertEquals("8 Dec 2026 09:05–14:20", ReportText.interval(p, ZoneOffset.UTC));
        Projection overnight = memory("2026-12-08T01:00:00Z", "2026-12-07T21:00:00Z", "2026-12-09T02:30:00Z");
        assertEquals("7 Dec 21:00 – 9 Dec 2026 02:30", ReportText.interval(overnight, ZoneOffset.UTC));
    }

    @Test
    void theClockIsTheReadersZones() {
        Projection p = memory("2026-12-08T13:15:00Z", "2026-12-08T09:05:00Z", "2026-12-08T23:20:00Z");
        assertEquals("8 Dec 10:05 – 9 Dec 2026 00:20", ReportText.interval(p, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aFillWeeksOutIsGivenInDays() {
        Projection p = memory("2027-01-16T13:15:00Z", "2027-01-16T02:00:00Z", "2027-01-17T14:20:00Z");
        assertEquals("Sat 16 Jan 2027", ReportText.eta(p, ZoneOffset.UTC));
        assertEquals("16–17 Jan 2027", ReportText.interval(p, ZoneOffset.UTC));
    }
}
