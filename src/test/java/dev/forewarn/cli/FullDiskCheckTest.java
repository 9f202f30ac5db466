package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read commands on a disk that is full, where SQLite cannot create the store's {@code -shm}: a
 * real 4 MiB tmpfs (root only; CI runs as root) holds a store whose samples say /var is almost
 * full, and is then filled up. {@code check} must judge it (CRITICAL), not say UNKNOWN.
 */
class FullDiskCheckTest {

    private static final double GIB = 1024.0 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void checkAndShowOnAFullDiskJudgeTheStoreInsteadOfFailingToOpenIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mnt = Files.createDirectories(dir.resolve("small"));
        CollectReliabilityTest.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt.toString());
        try {
            Path db = mnt.resolve("f.db");
            long now = System.currentTimeMillis();
            SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4");
            int n = 2 * 288;
            long[] t = new long[n];
            double[] avail = new double[n];
            double[] size = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = now - 60_000 - (long) (n - 1 - i) * 300_000L;
                avail[i] = 2 * GIB;
                size[i] = 100 * GIB;
            }
            try (SampleStore s = SampleStore.open(db)) {
                s.appendAll(List.of(new Series(var, t, avail), new Series(var.withName("fs.size_bytes"), t, size)));
            }
            assertTrue(!Files.exists(mnt.resolve("f.db-shm")), "closed cleanly: no -shm left");
            CollectReliabilityTest.fill(mnt.resolve("filler"));

            CliRun check = CliRun.of("check", "--store", db.toString());
            assertEquals(2, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().startsWith("FOREWARN CRITICAL - /var"), check.out());
            CliRun show = CliRun.of("show", "--store", db.toString());
            assertEquals(0, show.exitCode(), show.err());
            assertTrue(show.out().contains("fs.avail_bytes"), show.out());
        } finally {
            CollectReliabilityTest.run("umount", mnt.toString());
        }
    }
}
