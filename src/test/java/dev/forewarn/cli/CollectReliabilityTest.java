package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process-level promises of {@code collect} and {@code sample}, with real JVMs and a real
 * SQLite file: kill -9 loses no committed sample and leaves a clean store; SIGTERM stores the
 * sample in flight and exits 0; two {@code sample} processes at once both succeed.
 * The collectors used read only /proc, so each JVM starts fast.
 */
class CollectReliabilityTest {

    private static final SeriesKey OS = ForewarnProcess.successOf("os");

    @TempDir
    Path dir;

    @Test
    void killNineAtRandomMomentsNeverLosesACommittedSampleNorCorruptsTheStore() throws Exception {
        Path db = dir.resolve("kill.db");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long kept = 0;
        for (int round = 1; round <= 20; round++) {
            Process p = ForewarnProcess.start(dir.resolve("kill.err"), "collect", "--store", db.toString(),
                    "--interval", "100ms", "--collectors", "os,disk");
            waitForMore(db, kept, p);
            Thread.sleep(random.nextInt(250));
            long before = ForewarnProcess.points(db, OS);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed process ended");
            CheckReport report = ForewarnProcess.check(db);
            assertTrue(report.ok(), "round " + round + " (seed " + seed + "): " + report.problems());
            long after = ForewarnProcess.points(db, OS);
            assertTrue(after >= before, "round " + round + " (seed " + seed + "): " + before + " points before kill -9, " + after + " after");
            kept = after;
        }
    }

    @Test
    void sigtermStoresTheSampleInFlightAndExitsZero() throws Exception {
        Path db = dir.resolve("term.db");
        Path err = dir.resolve("term.err");
        Process p = ForewarnProcess.start(err, "-v", "collect", "--store", db.toString(), "--interval", "100ms", "--collectors", "os,disk");
        while (ForewarnProcess.points(db, OS) < 3) {
            assertTrue(p.isAlive(), () -> "collect died: " + read(err));
            Thread.sleep(50);
        }
        Thread.sleep(new Random().nextInt(100));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "collect stopped after SIGTERM");
        assertEquals(0, p.exitValue(), () -> read(err));
        Matcher m = Pattern.compile("sample (\\d+) stored").matcher(read(err));
        long lastLogged = 0;
        while (m.find()) {
            lastLogged = Long.parseLong(m.group(1));
        }
        assertEquals(lastLogged, ForewarnProcess.points(db, OS), "every sample collect reported is in the store");
        assertTrue(ForewarnProcess.check(db).ok());
    }

    @Test
    void twoSampleProcessesAtOnceBothSucceedFiftyTimes() throws Exception {
        Path db = dir.resolve("pair.db");
        int rounds = 50;
        for (int round = 1; round <= rounds; round++) {
            // different collectors, so each process's points can be counted exactly
            Process a = ForewarnProcess.start(dir.resolve("a.err"), "sample", "--store", db.toString(), "--collectors", "os");
            Process b = ForewarnProcess.start(dir.resolve("b.err"), "sample", "--store", db.toString(), "--collectors", "disk");
            for (Process p : List.of(a, b)) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("round " + round + ": a sample process hung");
                }
            }
            int round0 = round;
            assertEquals(0, a.exitValue(), () -> "round " + round0 + ": " + read(dir.resolve("a.err")));
            assertEquals(0, b.exitValue(), () -> "round " + round0 + ": " + read(dir.resolve("b.err")));
        }
        assertTrue(ForewarnProcess.check(db).ok());
        assertEquals(rounds, ForewarnProcess.points(db, OS));
        assertEquals(rounds, ForewarnProcess.points(db, ForewarnProcess.successOf("disk")));
    }

    /**
     * A real 4 MiB tmpfs holds the store (root only; CI runs as root) and fills up while collect
     * runs: each sample it cannot store is one warning line, collect goes on, and it stores
     * samples again once space comes back.
     */
    @Test
    void collectLogsEachSampleLostToAFullDiskGoesOnAndSamplesAgainWhenSpaceComesBack() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mnt = Files.createDirectories(dir.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt.toString());
        Process p = null;
        try {
            Path db = mnt.resolve("c.db");
            Path err = dir.resolve("full.err");
            p = ForewarnProcess.start(err, "collect", "--store", db.toString(), "--interval", "100ms", "--collectors", "os,disk");
            waitForMore(db, 2, p);
            Path filler = mnt.resolve("filler");
            fill(filler);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(read(err), "not stored: ") < 3) {
                assertTrue(p.isAlive(), () -> "collect ended on a full disk: " + read(err));
                assertTrue(System.nanoTime() < deadline, () -> "no sample failed within 60 s on a full disk: " + read(err));
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), () -> "collect ended on a full disk: " + read(err));
            String failing = read(err);
            for (String line : failing.split("\n")) {
                assertTrue(line.contains("WARN"), "one warning line per lost sample, nothing else: " + line);
            }
            assertTrue(failing.contains("is full"), failing);

            Files.delete(filler);
            long before = ForewarnProcess.points(db, OS);
            waitForMore(db, before, p);
            assertTrue(read(err).contains("stored again"), read(err));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "collect stopped after SIGTERM");
            assertEquals(0, p.exitValue(), () -> read(err));
            assertTrue(ForewarnProcess.check(db).ok());
        } finally {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            run("umount", mnt.toString());
        }
    }

    /**
     * After a kill -9 the newest commits are only in the {@code -wal}; a user who may not write
     * the store's directory (here nobody, through setpriv; root only) cannot create the
     * {@code -shm} SQLite needs to read them, and reads the last checkpoint: it is told so.
     */
    @Test
    void aNonRootReaderAfterAKilledWriterIsWarnedThatItReadsTheLastCheckpoint() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "running a reader as nobody needs root");
        Path shared = Files.createTempDirectory("forewarn-wal");
        try {
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path db = shared.resolve("w.db");
            // one sample that closes cleanly (checkpointed into the file), then a writer killed after more
            assertEquals(0, ForewarnProcess.runUnder(List.of(), dir.resolve("s.err"), "sample", "--store", db.toString(),
                    "--collectors", "os"), () -> read(dir.resolve("s.err")));
            Process w = ForewarnProcess.start(dir.resolve("w.err"), "collect", "--store", db.toString(), "--interval", "100ms",
                    "--collectors", "os");
            waitForMore(db, 4, w);
            w.destroyForcibly();
            assertTrue(w.waitFor(30, TimeUnit.SECONDS), "killed writer ended");
            Path wal = shared.resolve("w.db-wal");
            assertTrue(Files.size(wal) > 0, "the killed writer left its write-ahead log");
            Files.deleteIfExists(shared.resolve("w.db-shm"));
            for (Path p : List.of(db, wal)) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Path err = dir.resolve("nobody.err");
            int code = ForewarnProcess.runUnder(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"), err,
                    "show", "--store", db.toString());
            String stderr = read(err);
            assertEquals(0, code, stderr);
            assertEquals(1, stderr.lines().count(), "one warning line: " + stderr);
            assertTrue(stderr.contains("WARN") && stderr.contains("is read as of its last checkpoint")
                    && stderr.contains(wal.toString()), stderr);
            assertTrue(Files.size(wal) > 0 && !Files.exists(shared.resolve("w.db-shm")), "the reader changed nothing");
        } finally {
            try (var files = Files.walk(shared)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Writes {@code filler} until its filesystem is full. */
    static void fill(Path filler) throws java.io.IOException {
        byte[] block = new byte[4096];
        try (java.io.OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (java.io.IOException noSpaceLeft) {
            // full
        }
    }

    static void run(String... cmd) throws java.io.IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }

    private static void waitForMore(Path db, long than, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ForewarnProcess.points(db, OS) <= than) {
            if (!p.isAlive()) {
                fail("collect ended with " + p.exitValue() + " before storing a sample");
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("collect stored nothing within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
