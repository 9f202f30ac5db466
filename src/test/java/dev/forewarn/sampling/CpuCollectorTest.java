package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

    @TempDir
    Path proc;

    @Test
    void loadavgGivesTheThreeAverages() {
        assertArrayEquals(new double[] {0.64, 0.44, 0.2}, CpuCollector.parseLoadavg("0.64 0.44 0.20 2/89 5018\n"));
    }

    @Test
    void statCountsIdleAndIowaitAsNotBusyAndLeavesGuestOut() {
        CpuCollector.Ticks t = CpuCollector.parseStat("""
                cpu  100 10 50 800 40 0 0 0 30 0
                cpu0 50 5 25 400 20 0 0 0 15 0
                intr 12345
                """);
        assertEquals(1000, t.total());
        assertEquals(160, t.busy());
    }

    @Test
    void statRejectsATextWithoutTheCpuLine() {
        assertThrows(IllegalArgumentException.class, () -> CpuCollector.parseStat("intr 1 2 3\n"));
    }

    @Test
    void coresAreTheNumberedCpuLinesOfStat() {
        assertEquals(2, CpuCollector.parseCores("cpu  10 0 5 100 0 0 0 0 0 0\ncpu0 5 0 2 50 0 0 0 0 0 0\ncpu1 5 0 3 50 0 0 0 0 0 0\nintr 1\n"));
    }

    @Test
    void busyRatioIsTheBusyShareOfTheTicksBetweenReadings() {
        assertEquals(0.25, CpuCollector.busyRatio(new CpuCollector.Ticks(100, 1000), new CpuCollector.Ticks(150, 1200)), 1e-12);
        assertNull(CpuCollector.busyRatio(new CpuCollector.Ticks(100, 1000), new CpuCollector.Ticks(100, 1000)), "no tick passed");
        assertNull(CpuCollector.busyRatio(new CpuCollector.Ticks(100, 1000), new CpuCollector.Ticks(10, 50)), "counters reset");
    }

    @Test
    void secondCollectMeasuresTheIntervalSinceTheFirst() throws Exception {
        Files.writeString(proc.resolve("loadavg"), "1.50 1.00 0.50 3/120 999\n");
        Files.writeString(proc.resolve("stat"), "cpu  100 0 0 900 0 0 0 0 0 0\n");
        CpuCollector cpu = new CpuCollector(new ProcFs(proc), 0);
        Files.writeString(proc.resolve("stat"), "cpu  130 0 10 960 0 0 0 0 0 0\n");
        assertEquals(0.4, values(cpu.collect()).get("cpu.busy_ratio"), 1e-12);
        Files.writeString(proc.resolve("stat"), "cpu  130 0 10 1060 0 0 0 0 0 0\n");
        Map<String, Double> second = values(cpu.collect());
        assertEquals(0.0, second.get("cpu.busy_ratio"), 1e-12, "idle since the previous collect");
        assertEquals(1.5, second.get("cpu.load1"));
        assertEquals(0.5, second.get("cpu.load15"));
    }

    @Test
    void firstCollectWaitsForTheMinimumWindowOnTheRealHost() throws Exception {
        long start = System.nanoTime();
        CpuCollector cpu = new CpuCollector(ProcFs.system(), 50);
        Map<String, Double> v = values(cpu.collect());
        // The window runs from construction; on a loaded machine it may already be full, so time from there.
        assertTrue(System.nanoTime() - start >= 50_000_000L, "the busy ratio covers at least the minimum window");
        double ratio = v.get("cpu.busy_ratio");
        assertTrue(ratio >= 0 && ratio <= 1, "ratio " + ratio);
        assertTrue(v.get("cpu.load1") >= 0);
    }

    static Map<String, Double> values(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(s -> s.key().toString(), Sample::value));
    }

    static Map<SeriesKey, Double> byKey(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::key, Sample::value));
    }
}
