package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller faults of issue 12 item 17, through the real commands: words not classes, usage errors exit 2, --store everywhere. */
class CliErrorsTest {

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void smallStore() {
        store = dir.resolve("t.db").toString();
        long now = System.currentTimeMillis();
        try (SampleStore s = SampleStore.open(Path.of(store))) {
            s.appendAll(List.of(new Series(SeriesKey.of("mem.available_bytes"), new long[] {now - 120_000, now - 60_000, now},
                    new double[] {3e9, 2.9e9, 2.8e9})));
        }
    }

    private static void assertOneWordyErrorLine(CliRun r) {
        assertEquals(1, r.err().lines().count(), r::err);
        assertTrue(r.err().startsWith("error: "), r::err);
        assertFalse(r.err().contains("Exception"), r::err);
    }

    @Test
    void reportToAnExistingDirectoryIsAUsageErrorThatLeavesNoTemporaryFile() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRun r = CliRun.of("report", "--store", store, "-o", out.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::err);
        assertOneWordyErrorLine(r);
        assertTrue(r.err().contains(out + " is a directory"), r::err);
        assertFalse(r.err().contains(".tmp"), r::err);
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a .tmp file was left behind");
        }
    }

    @Test
    void reportThatCannotBeWrittenSaysWhyInWordsWithTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path target = file.resolve("report.html");
        CliRun r = CliRun.of("report", "--store", store, "-o", target.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r::err);
        assertOneWordyErrorLine(r);
        assertTrue(r.err().contains("cannot write the report " + target + ": not a directory"), r::err);
        assertFalse(r.err().contains(".tmp"), r::err);
    }

    @Test
    void fileSystemFailuresReadAsWordsWithTheirFile() {
        assertEquals("/x/y: permission denied", IoWords.describe(new java.nio.file.AccessDeniedException("/x/y")));
        assertEquals("/x/y: no such file or directory", IoWords.describe(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("/x/y: no space left on device",
                IoWords.describe(new java.nio.file.FileSystemException("/x/y", null, "No space left on device")));
        assertEquals("input/output error: no space left on device", IoWords.describe(new IOException("No space left on device")));
    }

    @Test
    void showSinceWithoutASelectorIsAUsageError() {
        for (String since : new String[] {"banana", "-7d"}) {
            CliRun r = CliRun.of("show", "--store", store, "--since", since);
            assertEquals(ExitCodes.USAGE, r.exitCode(), r::err);
            assertOneWordyErrorLine(r);
        }
        assertEquals(ExitCodes.USAGE, CliRun.of("show", "--store", store, "--since", "banana", "mem.available_bytes").exitCode());
    }

    @Test
    void topWithAZeroHistoryIsAUsageError() {
        CliRun r = CliRun.of("top", "--store", store, "--no-sample", "--history", "0");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::err);
        assertOneWordyErrorLine(r);
    }

    @Test
    void everyCommandTakesStore() throws IOException {
        assertEquals(0, CliRun.of("rules", "list", "--store", store).exitCode());
        Path rules = Files.writeString(dir.resolve("r.yaml"), "rules: []\n");
        CliRun v = CliRun.of("rules", "validate", "--store", store, rules.toString());
        assertFalse(v.err().contains("Unknown option"), v::err);
        CliRun export = CliRun.of("export", "--store", store, "openmetrics");
        assertEquals(0, export.exitCode(), export::err);
        assertTrue(export.out().contains("mem_available_bytes"), export::out);
        CliRun info = CliRun.of("store", "--store", store, "info");
        assertEquals(0, info.exitCode(), info::err);
        assertTrue(info.out().contains(store), info::out);
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(Main.commandLine().getSubcommands().values());
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            if (!c.getCommandName().equals("help")) {
                assertTrue(c.getCommandSpec().findOption("--store") != null, () -> c.getCommandSpec().qualifiedName() + " lacks --store");
            }
        }
    }

    @Test
    void aHugeArgumentIsNotEchoedWhole() {
        String huge = "x".repeat(100_000);
        for (String[] args : new String[][] {{"show", "--store", store, huge + "{"}, {"check", "--store", store, "--at", huge},
                {"show", "--store", store, "--format", huge}, {"forecast", "--store", store, "mem.available_bytes", "--threshold", huge}}) {
            CliRun r = CliRun.of(args);
            assertTrue(r.exitCode() != 0, r::out);
            assertTrue(r.err().length() < 1_000, () -> args[0] + " " + args[args.length - 2] + ": " + r.err().length() + " characters of error");
            assertTrue(r.err().contains("…"), r::err);
        }
    }
}
