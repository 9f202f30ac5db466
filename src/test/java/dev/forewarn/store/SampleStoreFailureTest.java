package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Selector;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreFailureTest {

    static final long T0 = SampleStoreTest.T0;

    @TempDir
    Path dir;

    @Test
    void aDirectoryGivenAsTheStoreIsOneClearError() {
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("is a directory"), e.getMessage());
        e = assertThrows(StoreException.class, () -> SampleStore.openReadOnly(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aStoreUnderAFileCannotBeCreatedAndSaysWhy() throws Exception {
        Path notDir = Files.writeString(dir.resolve("plain"), "x");
        Path file = notDir.resolve("sub/forewarn.db");
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.open(file));
        assertTrue(e.getMessage().contains("cannot create the directory"), e.getMessage());
    }

    @Test
    void aReadOnlyStoreRefusesWritesButServesReads() throws Exception {
        Path file = dir.resolve("ro.db");
        try (SampleStore s = SampleStore.open(file)) {
            s.append(T0, Map.of(SampleStoreTest.ROOT, 1.0));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.open(file));
        assertTrue(e.getMessage().contains(file + " is read-only") && e.getMessage().contains("chmod u+w"), e.getMessage());
        try (SampleStore s = SampleStore.openReadOnly(file)) {
            assertEquals(1, s.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE).size());
        }
    }

    @Test
    void randomBytesOverTheMiddleAreReportedAsDamageNamingTheFile() throws Exception {
        Path file = dir.resolve("corrupt.db");
        fill(file, 40, 3000);
        long size = Files.size(file);
        byte[] junk = new byte[(int) Math.min(64 * 1024, size / 4)];
        new Random(7).nextBytes(junk);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size / 2 - junk.length / 2);
            raf.write(junk);
        }
        StoreException e = assertThrows(StoreException.class, () -> {
            try (SampleStore s = SampleStore.openReadOnly(file)) {
                CheckReport report = s.check();
                if (!report.ok()) {
                    throw new StoreException(file, "check: " + report.problems());
                }
                for (SeriesKey k : s.find(Selector.parse("*"))) {
                    s.read(k, Long.MIN_VALUE, Long.MAX_VALUE);
                }
            }
        });
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNotAStoreIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a database, just a long enough text file ".repeat(100));
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.open(text));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
        }
        e = assertThrows(StoreException.class, () -> SampleStore.open(other));
        assertTrue(e.getMessage().contains("not a forewarn store"), e.getMessage());
    }

    @Test
    void aStoreFromANewerForewarnIsRefused() throws Exception {
        Path file = dir.resolve("new.db");
        SampleStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 999");
        }
        StoreException e = assertThrows(StoreException.class, () -> SampleStore.open(file));
        assertTrue(e.getMessage().contains("newer forewarn"), e.getMessage());
    }

    @Test
    void aStoreLockedByAnotherWriterIsReportedAsLockedAfterWaiting() throws Exception {
        Path file = dir.resolve("locked.db");
        SampleStore.open(file).close();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = holder.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            try (SampleStore s = SampleStore.open(file, StoreOptions.DEFAULTS.withBusyTimeout(300))) {
                long start = System.nanoTime();
                StoreException e = assertThrows(StoreException.class,
                        () -> s.append(T0, Map.of(SampleStoreTest.ROOT, 1.0)));
                assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
                assertTrue(System.nanoTime() - start >= 250_000_000L, "waited for the busy timeout");
            } catch (StoreException e) {
                // Opening may already meet the lock; it must say so the same way.
                assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
            }
            st.execute("ROLLBACK");
        }
    }

    @Test
    void aFullDiskFailsTheWholeImportAndKeepsWhatWasThere() throws Exception {
        Path file = dir.resolve("full.db");
        try (SampleStore s = SampleStore.open(file)) {
            s.append(T0, Map.of(SampleStoreTest.ROOT, 1.0));
            try (Statement st = s.connection().createStatement()) {
                // A page budget the size of the file now: SQLite answers SQLITE_FULL as on a full disk.
                st.execute("PRAGMA max_page_count = " + (Files.size(file) / 4096 + 2));
            }
            List<Series> big = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                big.add(randomSeries(SeriesKey.of("x.big", "k", "" + k), 2000, new Random(k)));
            }
            StoreException e = assertThrows(StoreException.class, () -> s.appendAll(big));
            assertTrue(e.getMessage().contains("is full") && e.getMessage().contains(file.toString()), e.getMessage());
            assertEquals(List.of(SampleStoreTest.ROOT), s.find(Selector.parse("*")));
            assertEquals(1, s.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE).size());
        }
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Path file = dir.resolve("busy.db");
        SampleStore.open(file).close();
        int writers = 4;
        int samples = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            done.add(pool.submit(() -> {
                try (SampleStore s = SampleStore.open(file)) {
                    for (int i = 0; i < samples; i++) {
                        long t = T0 + i * 60_000L;
                        s.append(t, Map.of(SeriesKey.of("cpu.load1", "writer", "" + id), (double) i,
                                SeriesKey.of("shared.value"), (double) i));
                        if (i % 50 == 0) {
                            s.appendAll(List.of(new Series(SeriesKey.of("bulk", "writer", "" + id),
                                    new long[] {t}, new double[] {i})));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        try (SampleStore s = SampleStore.openReadOnly(file)) {
            for (int w = 0; w < writers; w++) {
                Series r = s.read(SeriesKey.of("cpu.load1", "writer", "" + w), Long.MIN_VALUE, Long.MAX_VALUE);
                assertEquals(samples, r.size());
                assertEquals(3, s.read(SeriesKey.of("bulk", "writer", "" + w), Long.MIN_VALUE, Long.MAX_VALUE).size());
            }
            assertEquals(samples, s.read(SeriesKey.of("shared.value"), Long.MIN_VALUE, Long.MAX_VALUE).size());
            assertFalse(!s.check().ok(), s.check().problems().toString());
        }
    }

    static void fill(Path file, int series, int points) {
        List<Series> all = new ArrayList<>();
        for (int k = 0; k < series; k++) {
            all.add(randomSeries(SeriesKey.of("fs.avail_bytes", "mount", "/m" + k), points, new Random(k)));
        }
        try (SampleStore s = SampleStore.open(file)) {
            s.appendAll(all);
        }
    }

    static Series randomSeries(SeriesKey key, int n, Random rnd) {
        long[] t = new long[n];
        double[] v = new double[n];
        double level = 1e11;
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 60_000L + rnd.nextInt(200);
            level -= rnd.nextInt(1 << 20);
            v[i] = rnd.nextBoolean() ? level : rnd.nextDouble();
        }
        return new Series(key, t, v);
    }
}
