package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store on a real filesystem that fills up: a 2 MiB tmpfs mounted for the test (root only;
 * CI runs as root), filled with a file until only {@code spare} bytes are left.
 */
class FullFilesystemTest {

    private static final long T0 = SampleStoreTest.T0;
    private static final int SAMPLES_BEFORE = 10;

    @TempDir
    Path dir;

    /**
     * With nothing spare, SQLite cannot even make its shared-memory index (an I/O error, not
     * SQLITE_FULL); with 48 KiB it can, and the write-ahead log fills up instead. Both must
     * say the disk is full, and keep every sample stored before.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 48 * 1024})
    void aFullFilesystemIsReportedAsFullAndEverySampleStoredBeforeSurvives(int spare) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path mnt = Files.createDirectories(dir.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString());
        try {
            Path file = mnt.resolve("s.db");
            try (SampleStore s = SampleStore.open(file)) {
                for (int i = 0; i < SAMPLES_BEFORE; i++) {
                    s.append(T0 + i * 60_000L, Map.of(SampleStoreTest.ROOT, 1000.0 - i));
                }
            }
            Path filler = mnt.resolve("filler");
            fillUpLeaving(filler, spare);

            StoreException full = assertThrows(StoreException.class, () -> {
                for (int i = 0; i < 1000; i++) { // new series each time, so every sample needs new pages
                    try (SampleStore s = SampleStore.open(file)) {
                        s.append(T0 + (SAMPLES_BEFORE + i) * 60_000L, newSeries(i));
                    }
                }
            });
            assertTrue(full.getMessage().contains("the disk holding the store " + file + " is full"), full.getMessage());

            Files.delete(filler);
            try (SampleStore s = SampleStore.open(file)) {
                assertTrue(s.check().ok(), s.check().problems().toString());
                Series root = s.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
                assertEquals(SAMPLES_BEFORE, root.size());
                for (int i = 0; i < SAMPLES_BEFORE; i++) {
                    assertEquals(1000.0 - i, root.value(i));
                }
                s.append(T0 + 5000 * 60_000L, Map.of(SampleStoreTest.ROOT, 1.0)); // and it takes samples again
            }
        } finally {
            run("umount", mnt.toString());
        }
    }

    private static Map<SeriesKey, Double> newSeries(int sample) {
        Map<SeriesKey, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < 200; k++) {
            out.put(SeriesKey.of("proc.rss_bytes", "name", "worker-" + sample + "-" + k, "pid", "" + (1000 + k)), 1e6 * k);
        }
        return out;
    }

    /** Writes {@code filler} until the filesystem has at most {@code spare} bytes left. */
    private static void fillUpLeaving(Path filler, int spare) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(filler).getUsableSpace() > spare + block.length) {
                out.write(block);
                out.flush();
            }
        } catch (IOException noSpaceLeft) {
            // full already: what spare asked for, or less
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
