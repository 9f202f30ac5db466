package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLimitsTest {

    private static final SeriesKey LOAD = SeriesKey.of("cpu.load1");

    /** {@code head}, then {@code n} characters 'x' without a line break, then {@code tail}: made as read, never held. */
    private static Reader endlessLine(String head, long n, String tail) {
        return new Reader() {
            private final StringReader h = new StringReader(head);
            private final StringReader t = new StringReader(tail);
            private long left = n;

            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                int r = h.read(buf, off, len);
                if (r > 0) {
                    return r;
                }
                if (left > 0) {
                    int k = (int) Math.min(len, left);
                    java.util.Arrays.fill(buf, off, off + k, 'x');
                    left -= k;
                    return k;
                }
                return t.read(buf, off, len);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void lineOfAGigabyteWithoutALineBreakIsOneBadLineNamedByFileAndLine() {
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ImportException.class,
                () -> CsvImport.parse("big.csv", new BufferedReader(endlessLine("time,value\n2026-03-14T00:00:00Z,1\n", 1L << 30, "")),
                        LOAD, false, 0, ZoneOffset.UTC)));
        assertEquals("big.csv:3: line longer than 1,048,576 characters (1 MiB): not a data line", e.getMessage());
    }

    @Test
    void skipBadSkipsTheLongLineAndReadsOnAfterIt() {
        ParsedInput p = OpenMetricsImport.parse("big.prom", new BufferedReader(endlessLine("up 1 1773446400\n", 3L << 20,
                "\r\nup 2 1773446460\n")), 0, true);
        assertEquals(1, p.skipped());
        assertTrue(p.firstSkipped().startsWith("big.prom:2: line longer than"), p.firstSkipped());
        assertArrayEquals(new double[] {1, 2}, p.series().get(0).values());
    }

    @Test
    void lineReaderEndsLinesAsBufferedReaderDoes() throws Exception {
        String text = "a\nb\r\nc\rd\n\n" + "e".repeat(70_000) + "\r\n" + "f".repeat(200_000) + "\r" + "g";
        LineReader lines = new LineReader(new StringReader(text));
        BufferedReader expected = new BufferedReader(new StringReader(text));
        for (String want; (want = expected.readLine()) != null; ) {
            assertEquals(want, lines.readLine());
        }
        assertEquals(null, lines.readLine());
    }

    @Test
    void batchesStreamedIntoOneTransactionKeepEveryPointAndLaterLinesWin(@TempDir Path dir) {
        // more than two batches, out of order at one place, and one time given twice (the later line wins)
        int n = ImportBuffer.BATCH_POINTS * 2 + 10;
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            csv.append(1_700_000_000_000L + i * 1000L).append(',').append(i).append('\n');
        }
        csv.append(1_700_000_000_000L).append(",-1\n");
        List<List<Series>> batches = new ArrayList<>();
        ParsedInput p = CsvImport.parse("many.csv", new BufferedReader(new StringReader(csv.toString())), LOAD, false, 0,
                ZoneOffset.UTC, batches::add);
        assertEquals(3, batches.size());
        assertTrue(p.series().isEmpty(), "the points went to the sink");
        assertEquals(n + 1, p.points());
        assertEquals(ImportBuffer.BATCH_POINTS, batches.get(0).get(0).size());
        // the last batch, sorted, starts with the line that repeats the first time
        assertEquals(1_700_000_000_000L, batches.get(2).get(0).firstMillis());
        try (SampleStore store = SampleStore.open(dir.resolve("s.db"))) {
            try (SampleStore.BatchImport b = store.beginImport()) {
                batches.forEach(b::append);
                b.commit();
            }
            Series back = store.read(LOAD, 0, Long.MAX_VALUE);
            assertEquals(n, back.size());
            assertEquals(-1.0, back.value(0), "the later line wins over the earlier batch");
            assertEquals(n - 1.0, back.lastValue());
            // an import not committed leaves nothing
            try (SampleStore.BatchImport b = store.beginImport()) {
                b.append(List.of(new Series(SeriesKey.of("cpu.load5"), new long[] {1_700_000_000_000L}, new double[] {1})));
            }
            assertTrue(store.find(dev.forewarn.series.Selector.of("cpu.load5")).isEmpty());
        }
    }
}
