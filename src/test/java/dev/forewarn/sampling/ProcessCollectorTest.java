package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCollectorTest {

    @TempDir
    Path proc;

    @Test
    void statusGivesNameResidentBytesAndThreads() {
        ProcessCollector.Status st = ProcessCollector.parseStatus("""
                Name:\tpostgres
                Umask:\t0077
                State:\tS (sleeping)
                VmRSS:\t  123456 kB
                Threads:\t7
                """);
        assertEquals(new ProcessCollector.Status("postgres", 123456L * 1024, 7), st);
    }

    @Test
    void kernelThreadHasNoStatus() {
        assertNull(ProcessCollector.parseStatus("Name:\tkworker/0:1\nState:\tI (idle)\nThreads:\t1\n"));
    }

    @Test
    void statmGivesResidentPages() {
        assertEquals(2913, ProcessCollector.parseStatmResidentPages("5345 2913 1981 2 0 456 0\n"));
    }

    @Test
    void topIndicesAreTheLargestPositiveValuesFirst() {
        assertArrayEquals(new int[] {3, 1}, ProcessCollector.topIndices(new long[] {5, 9, -1, 12, 0}, 2));
        assertArrayEquals(new int[] {3, 1, 0}, ProcessCollector.topIndices(new long[] {5, 9, -1, 12, 0}, 10));
    }

    @Test
    void listsTheTopProcessesByMemoryAndByDescriptors() throws IOException {
        process(10, "postgres", 50_000, 4, 12);
        process(20, "nginx", 1_000, 2, 900);
        process(30, "cron", 200, 1, 3);
        kernelThread(40, "kworker/0:1");
        Map<String, Double> v = CpuCollectorTest.values(new ProcessCollector(new ProcFs(proc), 1).collect());
        assertEquals(Map.of(
                "proc.rss_bytes{name=\"postgres\",pid=\"10\"}", 50_000.0 * 1024,
                "proc.open_fds{name=\"postgres\",pid=\"10\"}", 12.0,
                "proc.threads{name=\"postgres\",pid=\"10\"}", 4.0,
                "proc.rss_bytes{name=\"nginx\",pid=\"20\"}", 1_000.0 * 1024,
                "proc.open_fds{name=\"nginx\",pid=\"20\"}", 900.0,
                "proc.threads{name=\"nginx\",pid=\"20\"}", 2.0), v);
    }

    @Test
    void limitsGiveTheSoftOpenFilesLimitOrNothingWhenUnlimited() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max open files            1024                 524288               files
                Max locked memory         8388608              8388608              bytes
                """;
        assertEquals(1024L, ProcessCollector.parseMaxOpenFiles(limits));
        assertEquals(null, ProcessCollector.parseMaxOpenFiles("Max open files            unlimited            unlimited            files\n"));
    }

    @Test
    void descriptorLimitIsSampledBesideTheDescriptorCount() throws IOException {
        process(20, "nginx", 1_000, 2, 900);
        Files.writeString(proc.resolve("20/limits"), "Max open files            1024                 4096                 files\n");
        Map<String, Double> v = CpuCollectorTest.values(new ProcessCollector(new ProcFs(proc), 1).collect());
        assertEquals(1024.0, v.get("proc.max_fds{name=\"nginx\",pid=\"20\"}"));
    }

    @Test
    void processThatExitsDuringTheScanIsSkipped() throws IOException {
        process(10, "postgres", 50_000, 4, 12);
        Files.createDirectories(proc.resolve("11")); // listed, but its files are already gone
        List<Sample> samples = new ProcessCollector(new ProcFs(proc), 5).collect();
        assertEquals(3, samples.size());
    }

    @Test
    void readsTheTopProcessesOfThisHost() {
        List<Sample> samples = new ProcessCollector(ProcFs.system(), 3).collect();
        long listed = samples.stream().filter(s -> s.key().name().equals("proc.rss_bytes")).count();
        assertTrue(listed >= 1 && listed <= 6, samples.toString());
        String self = Long.toString(ProcessHandle.current().pid());
        assertTrue(samples.stream().allMatch(s -> s.value() >= 0 && !s.key().label("name").isEmpty()));
        assertTrue(samples.stream().anyMatch(s -> s.key().name().equals("proc.rss_bytes") && s.value() > 0), "this JVM or a bigger one is there " + self);
    }

    private void process(int pid, String name, long rssKb, int threads, int fds) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("statm"), "9999 " + rssKb / 4 + " 100 1 0 50 0\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nVmRSS:\t" + rssKb + " kB\nThreads:\t" + threads + "\n");
        Path fd = Files.createDirectories(dir.resolve("fd"));
        for (int i = 0; i < fds; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }
    }

    private void kernelThread(int pid, String name) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("statm"), "0 0 0 0 0 0 0\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nThreads:\t1\n");
        Files.createDirectories(dir.resolve("fd"));
    }
}
