package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {

    private static final SeriesKey SMART_RAN = SeriesKey.of("forewarn.collector.success", "collector", "smart");
    private static final SeriesKey MEMORY_RAN = SeriesKey.of("forewarn.collector.success", "collector", "memory");

    @TempDir
    Path dir;

    @Test
    void samplesAMinuteApartReadSmartOnlyOnceUnlessAskedFor() {
        Path store = dir.resolve("s.db");
        for (int i = 0; i < 3; i++) {
            CliRun r = CliRun.of("sample", "--store", store.toString(), "--top-processes", "1");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", r.out());
        }
        assertEquals(3, points(store, MEMORY_RAN));
        assertEquals(1, points(store, SMART_RAN), "smart read once in ten minutes");

        CliRun asked = CliRun.of("sample", "--store", store.toString(), "--enable", "smart");
        assertEquals(0, asked.exitCode(), asked.err());
        assertEquals(2, points(store, SMART_RAN), "--enable smart reads it now");
    }

    private static int points(Path store, SeriesKey key) {
        try (SampleStore s = SampleStore.openReadOnly(store)) {
            return s.read(key, Long.MIN_VALUE, Long.MAX_VALUE).size();
        }
    }
}
