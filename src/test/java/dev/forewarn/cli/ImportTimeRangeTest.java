package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times an import must not take as they come: micro- and nanosecond epochs (named as such),
 * times beyond the range the store reads back, an OpenMetrics timestamp that overflows (a bad
 * line with file:line, skipped by --skip-bad), and points far in the future (a warning).
 */
class ImportTimeRangeTest {

    @TempDir
    Path dir;

    private CliRun importFile(String name, String content, String... extra) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        String[] args = new String[4 + extra.length];
        args[0] = "import";
        args[1] = "--store";
        args[2] = dir.resolve("t.db").toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = f.toString();
        return CliRun.of(args);
    }

    @Test
    void microsecondEpochIsABadLineThatNamesTheUnit() throws IOException {
        CliRun r = importFile("us.csv", "time,series,value\n1773446400000,x.y,1\n1773446400000000,x.y,2\n");
        assertEquals(1, r.exitCode(), r::out);
        assertTrue(r.err().contains("us.csv:3:"), r.err());
        assertTrue(r.err().contains("epoch microseconds (2026-03-14T00:00:00Z)"), r.err());
        assertTrue(r.err().contains("nothing was imported"), r.err());
    }

    @Test
    void nanosecondEpochIsNamedToo() throws IOException {
        CliRun r = importFile("ns.csv", "time,series,value\n1773446400000000000,x.y,2\n");
        assertEquals(1, r.exitCode(), r::out);
        assertTrue(r.err().contains("ns.csv:2:") && r.err().contains("epoch nanoseconds"), r.err());
    }

    @Test
    void timesBeyondTheReadableRangeAreBadLines() throws IOException {
        CliRun big = importFile("far.csv", "time,series,value\n1773446400000,x.y,1\n9000000000000000,x.y,1\n");
        assertEquals(1, big.exitCode(), big::out);
        assertTrue(big.err().contains("far.csv:3:") && big.err().contains("out of range"), big.err());
        CliRun neg = importFile("neg.csv", "time,series,value\n-9000000000000000,x.y,1\n");
        assertTrue(neg.err().contains("neg.csv:2:") && neg.err().contains("out of range"), neg.err());
    }

    @Test
    void overflowingOpenMetricsTimestampIsABadLineThatSkipBadSkips() throws IOException {
        String om = "x_y 1 1773446400000\nx_y 2 99999999999999999999999999\n";
        CliRun r = importFile("o.prom", om);
        assertEquals(1, r.exitCode(), r::out);
        assertTrue(r.err().contains("o.prom:2:") && r.err().contains("out of range"), r.err());
        assertFalse(r.err().contains("ArithmeticException"), r.err());
        CliRun skipped = importFile("o.prom", om, "--skip-bad");
        assertEquals(0, skipped.exitCode(), skipped::err);
        assertTrue(skipped.out().startsWith("imported 1 point"), skipped.out());
        assertTrue(skipped.err().contains("skipped 1 bad line"), skipped.err());
        CliRun micro = importFile("m.prom", "x_y 2 1773446400000000\n");
        assertTrue(micro.err().contains("m.prom:1:") && micro.err().contains("epoch microseconds"), micro.err());
    }

    @Test
    void pointsMoreThanADayAheadAreImportedWithOneWarningLine() throws IOException {
        long now = System.currentTimeMillis();
        String csv = "time,series,value\n" + now + ",x.y,1\n" + (now + 2 * 86_400_000L) + ",x.y,2\n" + (now + 3 * 86_400_000L) + ",x.y,3\n";
        CliRun r = importFile("f.csv", csv);
        assertEquals(0, r.exitCode(), r::err);
        assertTrue(r.out().startsWith("imported 3 points"), r.out());
        assertEquals(1, r.err().lines().count(), r::err);
        assertTrue(r.err().contains("warning: 2 points lie more than a day in the future"), r.err());
        CliRun fine = importFile("g.csv", "time,series,value\n" + now + ",x.z,1\n");
        assertEquals("", fine.err());
    }
}
