package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    static final long T0 = 1_773_446_400_000L;

    @TempDir
    Path dir;

    private Path filled(String name, int series, int points) {
        Path file = dir.resolve(name);
        List<Series> all = new ArrayList<>();
        Random rnd = new Random(1);
        for (int k = 0; k < series; k++) {
            long[] t = new long[points];
            double[] v = new double[points];
            for (int i = 0; i < points; i++) {
                t[i] = T0 + i * 60_000L;
                v[i] = 5e10 - i * 1e6 + rnd.nextInt(1000);
            }
            all.add(new Series(SeriesKey.of("fs.avail_bytes", "mount", "/m" + k), t, v));
        }
        try (SampleStore s = SampleStore.open(file)) {
            s.appendAll(all);
        }
        return file;
    }

    @Test
    void showPrintsASparklineAndTheHumanisedLastValue() {
        Path file = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(file)) {
            for (int i = 0; i < 8; i++) {
                s.append(T0 + i * 60_000L, Map.of(SeriesKey.of("fs.avail_bytes", "mount", "/"), (double) (i + 1) * (1L << 30),
                        SeriesKey.of("cpu.busy_ratio"), 0.125));
            }
        }
        CliRun r = CliRun.of("show", "--store", file.toString(), "fs.avail_bytes");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("fs.avail_bytes{mount=\"/\"}  ▁▂▃▄▅▆▇█  last 8.59 GB  (8 points, "), r.out());
        r = CliRun.of("show", "--store", file.toString(), "cpu.busy_ratio");
        assertTrue(r.out().contains("last 12.5 %"), r.out());
        r = CliRun.of("show", "--store", file.toString());
        assertTrue(r.out().contains("cpu.busy_ratio") && r.out().contains("8 points"), r.out());
    }

    @Test
    void showJsonIsOnlyJsonWithIsoTimes() throws Exception {
        Path file = filled("s.db", 2, 5);
        CliRun r = CliRun.of("show", "--store", file.toString(), "--format", "json", "fs.avail_bytes{mount=\"/m1\"}");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.size());
        assertEquals("fs.avail_bytes{mount=\"/m1\"}", json.get(0).get("series").asText());
        assertEquals("2026-03-14T00:00:00Z", json.get(0).get("points").get(0).get(0).asText());
        assertEquals(5, json.get(0).get("points").size());
    }

    @Test
    void anUnknownSelectorIsOneClearError() {
        Path file = filled("s.db", 1, 5);
        CliRun r = CliRun.of("show", "--store", file.toString(), "mem.total_bytes");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("error: no series matches mem.total_bytes"), r.err());
    }

    @Test
    void infoCountsSeriesAndPointsAndCheckIsSilentWhenSound() throws Exception {
        Path file = filled("s.db", 3, 100);
        CliRun r = CliRun.of("store", "info", "--store", file.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(3, json.get("series").asInt());
        assertEquals(300, json.get("raw_points").asInt());
        assertEquals("2026-03-14T00:00:00Z", json.get("first").asText());
        r = CliRun.of("store", "check", "--store", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out() + r.err());
        assertEquals(0, CliRun.of("store", "vacuum", "--store", file.toString()).exitCode());
    }

    @Test
    void aCorruptStoreIsOneErrorLineNamingTheFileWithoutStackTrace() throws Exception {
        Path file = filled("corrupt.db", 40, 3000);
        long size = Files.size(file);
        byte[] junk = new byte[(int) (size / 4)];
        new Random(11).nextBytes(junk);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size / 2 - junk.length / 2);
            raf.write(junk);
        }
        for (String[] args : List.of(new String[] {"store", "check"}, new String[] {"show", "fs.avail_bytes"},
                new String[] {"export", "openmetrics"})) {
            List<String> cmd = new ArrayList<>(List.of(args));
            cmd.add("--store");
            cmd.add(file.toString());
            CliRun r = CliRun.of(cmd.toArray(String[]::new));
            assertEquals(1, r.exitCode(), String.join(" ", args));
            String[] lines = r.err().split("\n");
            String last = lines[lines.length - 1];
            assertTrue(last.startsWith("error: the store " + file + " is damaged"), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void aDirectoryOrAReadOnlyStoreIsOneErrorLine() throws Exception {
        CliRun r = CliRun.of("import", "--store", dir.toString(), Files.writeString(dir.resolve("x.csv"), "1773446400,a.b,1\n").toString());
        assertEquals(1, r.exitCode());
        assertEquals("error: the store " + dir + " is a directory: give --store a file path such as " + dir.resolve("forewarn.db") + "\n", r.err());
        Path file = filled("ro.db", 1, 5);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        r = CliRun.of("store", "vacuum", "--store", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals("error: the store " + file + " is read-only: make it writable (chmod u+w " + file + ") or choose another --store\n", r.err());
        assertEquals(0, CliRun.of("show", "--store", file.toString()).exitCode());
    }

    /** A zero-length file is a store not started yet, for every command: readers say so, writers start it. */
    @Test
    void aZeroLengthStoreIsANewStoreToWritersAndHasNoSamplesYetForReaders() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createFile(dir.resolve("empty.db"));
        for (String[] args : List.of(new String[] {"show"}, new String[] {"store", "info"}, new String[] {"export", "openmetrics"},
                new String[] {"report", "-o", dir.resolve("r.html").toString()})) {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--store", empty.toString()));
            CliRun r = CliRun.of(all.toArray(String[]::new));
            assertEquals(1, r.exitCode(), all + ": " + r.err());
            assertTrue(r.err().contains("is empty (a zero-length file: no samples yet)") || r.err().contains("no store at"),
                    all + ": " + r.err());
            assertTrue(!r.err().contains("not a forewarn store"), all + ": " + r.err());
        }
        CliRun replay = CliRun.of("check", "--store", empty.toString(), "--at", "2026-03-01");
        assertEquals(3, replay.exitCode(), replay.out() + replay.err());
        assertTrue(!(replay.out() + replay.err()).contains("not a forewarn store"), replay.out() + replay.err());
        CliRun sample = CliRun.of("sample", "--store", empty.toString(), "--collectors", "os");
        assertEquals(0, sample.exitCode(), sample.err());
        assertEquals(0, CliRun.of("show", "--store", empty.toString()).exitCode(), "the sample started it");
    }

    @Test
    void theRestoreAdviceForADamagedStoreNamesItsWalAndShm() {
        String advice = dev.forewarn.store.SampleStore.restoreAdvice(dir.resolve("f.db"));
        assertTrue(advice.contains("f.db-wal") && advice.contains("f.db-shm"), advice);
    }
}
