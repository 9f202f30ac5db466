package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
