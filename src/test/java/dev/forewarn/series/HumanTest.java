package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        assertEquals("44d 3h", Times.human(Duration.ofHours(44 * 24 + 3)));
        assertEquals("\u22123h 20m", Times.human(Duration.ofMinutes(-200)));
    }

    @Test
    void localTimesReadAsWeekdayDayMonthYearAndClock() {
        assertEquals("Thu 14 Jan 2027 21:46", Times.local(1_799_963_160_000L, ZoneId.of("UTC")));
    }
}
