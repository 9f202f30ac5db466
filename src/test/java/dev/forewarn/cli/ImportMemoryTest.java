package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportMemoryTest {

    @TempDir
    Path dir;

    @Test
    void oneSeriesOfMillionsOfPointsImportsInASmallHeap() throws Exception {
        // 2.5 million points of one series: 40 MB as two arrays, more than the 48 MiB heap holds with its copies
        int n = 2_500_000;
        Path csv = dir.resolve("load.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            long t0 = 1_700_000_000_000L;
            for (int i = 0; i < n; i++) {
                w.append(Long.toString(t0 + i * 10_000L)).append(',').append(Integer.toString(i % 1000)).append('\n');
            }
        }
        Path db = dir.resolve("s.db");
        ChildJvm r = ChildJvm.run(dir, List.of("-Xmx48m"), Map.of(),
                "import", "--series", "cpu.load1", csv.toString(), "--store", db.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals("imported 2,500,000 points of 1 series from 1 file into " + db + "\n", r.out());
        try (SampleStore s = SampleStore.openReadOnly(db)) {
            var back = s.read(SeriesKey.of("cpu.load1"), 0, Long.MAX_VALUE);
            assertEquals(n, back.size());
            assertEquals(999.0, back.lastValue());
        }
    }
}
