package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --rules FILE} where FILE switches a built-in rule off with only its id and {@code enabled: false}. */
class RuleSwitchOffCheckTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final long AT = 1_773_446_400_000L; // 2026-03-14T00:00:00Z

    @TempDir
    Path dir;

    /** /var at 2 GiB free of 100 GiB for 10 days: the built-in fs-space rule calls it CRITICAL. */
    private Path almostFullVar() {
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
        int n = (int) (10 * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] free = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            free[i] = 2 * GIB;
            size[i] = 100 * GIB;
        }
        Path db = dir.resolve("forewarn.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(var, t, free), new Series(var.withName("fs.size_bytes"), t, size)));
        }
        return db;
    }

    @Test
    void switchedOffBuiltInRuleNoLongerJudges() throws IOException {
        Path db = almostFullVar();
        CliRun before = CliRun.of("check", "--store", db.toString(), "--at", Times.iso(AT));
        assertEquals(ExitCodes.CRITICAL, before.exitCode(), before.out());
        Path off = Files.writeString(dir.resolve("off.yaml"), "rules:\n  - id: fs-space\n    enabled: false\n");
        CliRun after = CliRun.of("check", "--store", db.toString(), "--at", Times.iso(AT), "--rules", off.toString());
        assertEquals(ExitCodes.OK, after.exitCode(), after.out() + after.err());
        assertTrue(after.out().startsWith("FOREWARN OK"), after.out());
    }

    @Test
    void rulesListShowsTheRuleAsDisabledWhereItWasSwitchedOff() throws IOException {
        Path off = Files.writeString(dir.resolve("off.yaml"), "rules:\n  - id: fs-space\n    enabled: false\n");
        CliRun r = CliRun.of("rules", "list", "--rules", off.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fs-space ") && l.contains("fs.avail_bytes")
                && l.endsWith(off + ":2:5 (disabled)")), r.out());
    }
}
