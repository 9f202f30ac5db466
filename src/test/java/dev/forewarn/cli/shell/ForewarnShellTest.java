package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class ForewarnShellTest {

    @Test
    void selectorWithLabelsCanBeTypedWithoutQuoting() {
        List<String> words = ForewarnShell.parser().parse("show fs.avail_bytes{mount=\"/var\",fstype!=\"tmpfs\"} --since -7d", 0).words();
        assertEquals(List.of("show", "fs.avail_bytes{mount=\"/var\",fstype!=\"tmpfs\"}", "--since", "-7d"), words);
    }

    @Test
    void singleQuotesStillGroupWords() {
        List<String> words = ForewarnShell.parser().parse("show --since '2026-03-14 09:00'", 0).words();
        assertEquals(List.of("show", "--since", "2026-03-14 09:00"), words);
    }

    @Test
    void historyLivesInTheXdgStateDirectory(@TempDir Path dir) {
        Path file = ForewarnShell.historyFile(Map.of("XDG_STATE_HOME", dir.toString()));
        assertEquals(dir.resolve("forewarn/history"), file);
        assertTrue(Files.isDirectory(file.getParent()), "the directory is created so the first line is kept");
    }

    @Test
    void commandsInTheShellUseTheShellsStore(@TempDir Path dir) {
        Path store = dir.resolve("s.db");
        var tree = new ForewarnShell(store).commandLine();
        var parsed = tree.parseArgs("shell").subcommand();
        assertEquals(store, parsed.commandSpec().findOption("--store").getValue());
    }

    /** One shell line as the shell runs it: on a fresh tree of this shell; its exit code, stdout and stderr. */
    private static String[] line(ForewarnShell shell, String... args) {
        CommandLine tree = shell.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        tree.setOut(new PrintWriter(out, true));
        tree.setErr(new PrintWriter(err, true));
        int code = tree.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void noOptionLeaksFromOneShellLineToTheNext(@TempDir Path dir) {
        Path store = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(store)) {
            s.append(1_773_446_400_000L, Map.of(SeriesKey.of("fs.avail_bytes", "mount", "/"), 1e9, SeriesKey.of("mem.available_bytes"), 3e9));
        }
        ForewarnShell shell = new ForewarnShell(store);
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try {
            // -v: the failure's stack trace, and INFO logging while that line runs
            String[] verbose = line(shell, "forecast", "fs.avail_bytes", "--threshold", "5%", "-v");
            assertEquals("1", verbose[0], verbose[2]);
            assertTrue(verbose[2].contains("\tat dev.forewarn."), "-v shows the stack trace:\n" + verbose[2]);
            String[] plain = line(shell, "forecast", "fs.avail_bytes", "--threshold", "5%");
            assertEquals("1", plain[0]);
            assertEquals(1, plain[2].lines().count(), "without -v one error line:\n" + plain[2]);
            assertTrue(plain[2].startsWith("error: "), plain[2]);
            assertEquals(Level.WARN, root.getLevel(), "the next line logs at the default level again");
            // --format json on one line, text on the next
            String[] json = line(shell, "show", "mem.available_bytes", "--format", "json");
            assertTrue(json[1].startsWith("["), json[1]);
            String[] text = line(shell, "show", "mem.available_bytes");
            assertTrue(text[1].startsWith("mem.available_bytes") && text[1].contains("last 3 GB"), text[1]);
        } finally {
            root.setLevel(before);
        }
    }

    @Test
    void aShellInsideTheShellIsRefusedWithoutAProcessWideFlag(@TempDir Path dir) {
        ForewarnShell shell = new ForewarnShell(dir.resolve("s.db"));
        String[] r = line(shell, "shell");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].startsWith("error: already in the forewarn shell"), r[2]);
    }
}
