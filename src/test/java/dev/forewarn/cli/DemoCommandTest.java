package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    static final long END = 1_790_000_000_000L;

    @TempDir
    Path dir;

    private static Series find(List<Series> all, SeriesKey key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void demoHistoryIsTheSameForTheSameSeedAndEnd() {
        assertEquals(DemoHistory.build(END, 7), DemoHistory.build(END, 7));
    }

    @Test
    void varFillsWithWeeklyRotationsAndTheLeakRestartsWithEachDeploy() {
        List<Series> all = DemoHistory.build(END, 7);
        Series var = find(all, SeriesKey.of("fs.avail_bytes", "device", "/dev/sda3", "fstype", "ext4", "mount", "/var"));
        assertTrue(var.lastValue() < var.value(0) - 200e9, "/var loses over 200 GB in four months");
        int rotations = 0;
        for (int i = 1; i < var.size(); i++) {
            if (var.value(i) - var.value(i - 1) > 5e9 && (var.timeMillis(i) % 86_400_000L) / 3_600_000L == 3) {
                rotations++;
            }
        }
        assertTrue(rotations >= 16 && rotations <= 18, "weekly rotations at 03:00: " + rotations);
        long leaking = all.stream().filter(s -> s.key().name().equals("proc.rss_bytes") && "billing-api".equals(s.key().label("name"))).count();
        assertEquals(4, leaking, "one series per process id: three deploys restarted it");
        Series realloc = find(all, SeriesKey.of("smart.reallocated_sectors", "disk", "sda"));
        assertEquals(0, realloc.value(0));
        assertTrue(realloc.lastValue() > 100);
    }

    @Test
    void demoRefusesToWriteWithoutAnExplicitNewStore() throws Exception {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cl.execute("demo"));
        assertTrue(err.toString().startsWith("error: demo needs --store PATH"), err.toString());
        Path existing = Files.writeString(dir.resolve("real.db"), "not to be touched");
        StringWriter err2 = new StringWriter();
        cl = Main.commandLine();
        cl.setErr(new PrintWriter(err2));
        assertEquals(ExitCodes.FAILURE, cl.execute("demo", "--store", existing.toString()));
        assertEquals("not to be touched", Files.readString(existing));
        assertFalse(err2.toString().contains("Exception"), err2.toString());
    }
}
