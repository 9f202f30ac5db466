package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The one formatter for people: three significant figures, units, a real minus, no exponent, years. */
class HumanTest {

    @Test
    void numbersHaveThreeSignificantFigures() {
        assertEquals("2.05", Human.number(2.0512));
        assertEquals("0.00123", Human.number(0.0012345));
        assertEquals("0.001", Human.number(1e-3));
        assertEquals("283,000", Human.number(282_999.7));
        assertEquals("77.1", Human.number(77.06));
        assertEquals("44", Human.number(44.0));
    }

    @Test
    void wholeNumbersUnderAMillionStayExact() {
        assertEquals("1,204", Human.number(1204));
        assertEquals("622,171", Human.number(622_171));
        assertEquals("0", Human.number(0));
    }

    @Test
    void largeNumbersAreNamedNotWrittenWithAnExponent() {
        assertEquals("283 million", Human.number(2.83e8));
        assertEquals("77.1 billion", Human.number(7.7061e10));
        assertEquals("1 quadrillion", Human.number(1e15));
        assertEquals("1 million", Human.number(999_999.7));
        assertEquals("1,000 quintillion", Human.number(1e21));
        for (double v = 1e-3; v < 1e30; v *= 7.3) {
            assertFalse(Human.number(v).matches(".*\\d[eE][+-]?\\d.*"), Human.number(v));
            assertFalse(Units.BYTES.format(v).matches(".*\\d[eE][+-]?\\d.*"), Units.BYTES.format(v));
            assertFalse(Units.RATIO.format(v).matches(".*\\d[eE][+-]?\\d.*"), Units.RATIO.format(v));
        }
    }

    @Test
    void negativeValuesUseTheRealMinusSign() {
        assertEquals("\u22122.05", Human.number(-2.05));
        assertEquals("\u22122.05 GB/day", Units.BYTES.perDay(-2.05e9));
        assertEquals("+2.05 GB/day", Units.BYTES.perDay(2.05e9));
        assertEquals("\u2212400 million", Human.number(-4e8));
        assertEquals("+3", Human.signed(3));
    }

    @Test
    void unitsComeFromTheMetricName() {
        assertEquals("77 GB", Units.of("fs.avail_bytes").format(77e9));
        assertEquals("512 B", Units.of("fs.avail_bytes").format(512));
        assertEquals("0.5 B", Units.of("fs.avail_bytes").format(0.5));
        assertEquals("87.3 %", Units.of("cpu.busy_ratio").format(0.873));
        assertEquals("1.25/s", Units.of("net.rx_per_second").format(1.25));
    }

    @Test
    void durationsBeyondAYearAreInYears() {
        assertEquals("157 years", Times.human(Duration.ofMinutes((57264L * 24 + 16) * 60)));
        assertEquals("1.5 years", Times.human(Duration.ofDays(548)));
        assertEquals("1 year", Times.human(Duration.ofDays(366)));
        assertEquals("1,570 years", Times.human(Duration.ofDays(1570L * 365 + 400)));
        assertEquals("1.57 million years", Times.human(Duration.ofDays(1_570_000L * 366)));
    }

    @Test
    void durationsReadAsOneUnitInWordsWithAtMostThreeFigures() {
        // the old formatter printed 44d 3h, 23d 19h, 1d 12h, 3h 20m, 20m, 45s
        assertEquals("44 days", Times.human(Duration.ofHours(44 * 24 + 3)));
        assertEquals("24 days", Times.human(Duration.ofHours(23 * 24 + 19)));
        assertEquals("9.8 days", Times.human(Duration.ofHours(9 * 24 + 19)));
        assertEquals("2.5 days", Times.human(Duration.ofHours(60)));
        assertEquals("2 days", Times.human(Duration.ofDays(2)));
        assertEquals("120 days", Times.human(Duration.ofDays(120)));
        assertEquals("365 days", Times.human(Duration.ofDays(365)));
        assertEquals("36 hours", Times.human(Duration.ofHours(36)));
        assertEquals("24 hours", Times.human(Duration.ofDays(1)));
        assertEquals("1.5 hours", Times.human(Duration.ofMinutes(90)));
        assertEquals("3.3 hours", Times.human(Duration.ofMinutes(200)));
        assertEquals("1 hour", Times.human(Duration.ofHours(1)));
        assertEquals("20 minutes", Times.human(Duration.ofMinutes(20)));
        assertEquals("1 minute", Times.human(Duration.ofSeconds(60)));
        assertEquals("45 seconds", Times.human(Duration.ofSeconds(45)));
        assertEquals("1 second", Times.human(Duration.ofSeconds(1)));
        assertEquals("0.5 seconds", Times.human(Duration.ofMillis(500)));
        assertEquals("0 seconds", Times.human(Duration.ZERO));
        assertEquals("\u22123.3 hours", Times.human(Duration.ofMinutes(-200)));
        assertEquals("\u22121.5 seconds", Times.human(Duration.ofMillis(-1500)));
    }

    @Test
    void aCountThatRoundsUpToTheNextUnitIsWrittenInIt() {
        assertEquals("1 hour", Times.human(Duration.ofSeconds(3599)));
        assertEquals("1 minute", Times.human(Duration.ofMillis(59_970)));
        assertEquals("2 days", Times.human(Duration.ofMinutes(48 * 60 - 10)));
        assertEquals("10 days", Times.human(Duration.ofHours(239)));
    }

    @Test
    void noDurationReadsAsUnitLettersOrMoreThanThreeFigures() {
        java.util.regex.Pattern letters = java.util.regex.Pattern.compile("\\d[dhms]\\b|\\dd \\d+h");
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("\u2212?(\\d{1,3}|\\d\\.\\d|\\d,\\d{3}|\\d+(\\.\\d+)? million) (second|minute|hour|day|year)s?");
        for (long s = 1; s < 200L * 365 * 86_400; s = s * 11 / 10 + 1) {
            String t = Times.human(Duration.ofSeconds(s));
            assertFalse(letters.matcher(t).find(), t);
            assertTrue(shape.matcher(t).matches(), t);
            int figures = t.replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "").length();
            assertTrue(figures <= 3, t);
            assertEquals(t.startsWith("1 "), !t.endsWith("s"), "singular exactly when the count is 1: " + t);
        }
    }

    @Test
    void localTimesReadAsWeekdayDayMonthYearAndClock() {
        assertEquals("Thu 14 Jan 2027 21:46", Times.local(1_799_963_160_000L, ZoneId.of("UTC")));
    }
}
