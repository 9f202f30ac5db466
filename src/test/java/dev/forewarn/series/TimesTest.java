package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final long NOW = 1_773_478_800_000L; // 2026-03-14T09:00:00Z

    @Test
    void acceptsEveryDocumentedTimeForm() {
        assertEquals(NOW, Times.parseTime("2026-03-14T09:00:00Z", 0, ZoneOffset.UTC));
        assertEquals(NOW, Times.parseTime("2026-03-14 09:00", 0, ZoneOffset.UTC));
        assertEquals(NOW, Times.parseTime("1773478800", 0, ZoneOffset.UTC));
        assertEquals(NOW, Times.parseTime("now", NOW, ZoneOffset.UTC));
        assertEquals(NOW - 7 * 86_400_000L, Times.parseTime("-7d", NOW, ZoneOffset.UTC));
        assertEquals(NOW + 3_600_000L, Times.parseTime("2026-03-14T11:00:00+01:00", 0, ZoneOffset.UTC));
    }

    @Test
    void rejectsGibberishNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Times.parseTime("next tuesday", NOW, ZoneOffset.UTC));
        assertEquals(true, e.getMessage().contains("ISO-8601"));
    }

    @Test
    void durationsUseSuffixesAndBareSeconds() {
        assertEquals(60_000L, Times.parseDurationMillis("60s"));
        assertEquals(60_000L, Times.parseDurationMillis("60"));
        assertEquals(14 * 86_400_000L, Times.parseDurationMillis("14d"));
        assertThrows(IllegalArgumentException.class, () -> Times.parseDurationMillis("soon"));
    }
}
