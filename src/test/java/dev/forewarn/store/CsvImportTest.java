package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    static final long NOW = 1_773_446_400_000L;

    static ParsedInput parse(String text, SeriesKey fixed, boolean skipBad) {
        return CsvImport.parse("in.csv", new BufferedReader(new StringReader(text)), fixed, skipBad, NOW, ZoneOffset.UTC);
    }

    @Test
    void readsEveryTimeFormAndSeriesKeysWithCommasBareOrQuoted() {
        ParsedInput p = parse("""
                time,series,value
                2026-03-14T00:00:00Z,fs.avail_bytes{mount="/",device="sda1"},100
                1773446460,fs.avail_bytes{mount="/",device="sda1"},90
                1773446520000,"fs.avail_bytes{device=""sda1"",mount=""/""}",80
                2026-03-14 00:03,fs.avail_bytes{mount="/",device="sda1"},70.5
                # a comment

                -1h,cpu.load1,0.5
                """, null, false);
        assertEquals(2, p.series().size());
        Series fs = p.series().get(0);
        assertEquals(SeriesKey.of("fs.avail_bytes", "mount", "/", "device", "sda1"), fs.key());
        assertArrayEquals(new long[] {NOW, NOW + 60_000, NOW + 120_000, NOW + 180_000}, fs.timesMillis());
        assertArrayEquals(new double[] {100, 90, 80, 70.5}, fs.values());
        assertEquals(NOW - 3_600_000L, p.series().get(1).firstMillis());
        assertEquals(5, p.points());
    }

    @Test
    void outOfOrderLinesAreSortedAndTheLastOfEqualTimesWins() {
        ParsedInput p = parse("""
                1773446520,a.b,3
                1773446400,a.b,1
                1773446460,a.b,2
                1773446400,a.b,9
                """, null, false);
        Series s = p.series().get(0);
        assertArrayEquals(new long[] {NOW, NOW + 60_000, NOW + 120_000}, s.timesMillis());
        assertArrayEquals(new double[] {9, 2, 3}, s.values());
    }

    @Test
    void timeValueLinesTakeTheGivenSeries() {
        ParsedInput p = parse("timestamp,value\n1773446400,1e308\n1773446460,NaN\n", SeriesKey.of("x.y"), false);
        assertEquals(SeriesKey.of("x.y"), p.series().get(0).key());
        assertEquals(1e308, p.series().get(0).value(0));
        assertTrue(Double.isNaN(p.series().get(0).value(1)));
    }

    @Test
    void aBadLineNamesFileAndLineAndWhatIsWrong() {
        ImportException e = assertThrows(ImportException.class, () -> parse("""
                time,series,value
                1773446400,a.b,1
                1773446460,a.b,1e400
                """, null, false));
        assertEquals("in.csv:3: value 1e400 is too large for a double", e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("1773446400,a.b,+Inf\n", null, false));
        assertTrue(e.getMessage().startsWith("in.csv:1: value +Inf is infinite"), e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("time,series,value\n1773446400,a.b,1\n2026-13-45,a.b,1\n", null, false));
        assertTrue(e.getMessage().startsWith("in.csv:3: cannot read time '2026-13-45'"), e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("1773446400,a.b{x=1},1\n", null, false));
        assertTrue(e.getMessage().startsWith("in.csv:1: bad series 'a.b{x=1}'"), e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("1773446400,1\n", null, false));
        assertTrue(e.getMessage().contains("give --series"), e.getMessage());
    }

    @Test
    void skipBadCountsWhatItSkipsAndKeepsTheRest() {
        ParsedInput p = parse("""
                1773446400,a.b,1
                1773446460,a.b,oops
                garbage
                1773446520,a.b,3
                """, null, true);
        assertEquals(2, p.skipped());
        assertEquals("in.csv:2: value 'oops' is not a number", p.firstSkipped());
        assertArrayEquals(new double[] {1, 3}, p.series().get(0).values());
    }

    @Test
    void anEmptyFileIsAnErrorNotASilentNothing() {
        ImportException e = assertThrows(ImportException.class, () -> parse("", null, false));
        assertTrue(e.getMessage().startsWith("in.csv: no data lines"), e.getMessage());
        assertThrows(ImportException.class, () -> parse("time,series,value\n", null, false));
    }
}
