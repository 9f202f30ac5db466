package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code forewarn shell} in a tmux window, types into it and reads the screen. */
class ShellTmuxTest {

    private static final String PROMPT = "forewarn> ";

    @TempDir
    Path dir;
    private Tmux tmux;

    @BeforeEach
    void tmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        tmux = new Tmux();
    }

    @AfterEach
    void kill() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
    }

    private void start() throws Exception {
        Path store = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(store)) {
            s.append(System.currentTimeMillis(), Map.of(
                    SeriesKey.of("fs.avail_bytes", "mount", "/"), 1e9,
                    SeriesKey.of("fs.avail_bytes", "mount", "/var"), 2e9,
                    SeriesKey.of("mem.available_bytes"), 3e9));
        }
        String cmd = Tmux.forewarn(Map.of("XDG_STATE_HOME", dir.resolve("state").toString()), "shell", "--store", store.toString())
                + "; echo $? > " + Tmux.quote(dir.resolve("rc").toString());
        tmux.start(80, 24, cmd);
        List<String> screen = tmux.waitFor(Tmux.START_MILLIS, s -> lastLine(s).equals(PROMPT.strip()));
        assertEquals(PROMPT.strip(), lastLine(screen), "prompt:\n" + String.join("\n", screen));
    }

    /** The last non-blank row, where the prompt and the cursor are. */
    private static String lastLine(List<String> screen) {
        for (int i = screen.size() - 1; i >= 0; i--) {
            if (!screen.get(i).isBlank()) {
                return screen.get(i).stripTrailing();
            }
        }
        return "";
    }

    private static long prompts(List<String> screen) {
        return screen.stream().filter(l -> l.startsWith(PROMPT.strip())).count();
    }

    private List<String> waitForLast(String expected) throws Exception {
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> lastLine(s).equals(expected));
        assertEquals(expected, lastLine(screen), String.join("\n", screen));
        return screen;
    }

    /** Waits until some row of the screen reads exactly {@code expected} (trailing blanks aside). */
    private List<String> waitForLine(String expected) throws Exception {
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> s.stream().anyMatch(l -> l.stripTrailing().equals(expected)));
        assertTrue(screen.stream().anyMatch(l -> l.stripTrailing().equals(expected)), expected + " in:\n" + String.join("\n", screen));
        return screen;
    }

    @Test
    void tabCompletesCommandsAndSeriesFromTheStore() throws Exception {
        start();
        tmux.type("sho");
        tmux.keys("Tab");
        waitForLast(PROMPT + "show");
        tmux.type("mem");
        tmux.keys("Tab");
        waitForLast(PROMPT + "show mem.available_bytes");
        tmux.keys("Enter");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> prompts(s) == 2 && lastLine(s).equals(PROMPT.strip()));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith("mem.available_bytes") && l.contains("last")),
                "show ran in the shell and printed the series:\n" + String.join("\n", screen));
        tmux.type("show fs.avail_bytes{mount=\"/v");
        tmux.keys("Tab");
        waitForLast(PROMPT + "show fs.avail_bytes{mount=\"/var\"}");
    }

    @Test
    void aSelectorGoesOnAfterATabCompletedMetricName() throws Exception {
        start();
        tmux.type("show fs.avail_b");
        tmux.keys("Tab");
        // the common prefix on the prompt's line; the candidates may be listed below it
        waitForLine(PROMPT + "show fs.avail_bytes");
        tmux.keys("Tab"); // the menu: its first entry is the bare metric name
        tmux.type("{mount=\"/var\"}");
        waitForLine(PROMPT + "show fs.avail_bytes{mount=\"/var\"}");
        tmux.keys("Enter");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> prompts(s) == 2 && lastLine(s).equals(PROMPT.strip()));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith("fs.avail_bytes{mount=\"/var\"}") && l.contains("last 2 GB")),
                "one selector, one series shown:\n" + String.join("\n", screen));
    }

    @Test
    void tabAfterRulesExplainOffersTheRuleIds() throws Exception {
        start();
        tmux.type("rules explain fs-sp");
        tmux.keys("Tab");
        waitForLast(PROMPT + "rules explain fs-space");
        tmux.keys("C-u");
        tmux.type("rules explain ");
        tmux.keys("Tab");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "mem-available") && Tmux.contains(s, "cpu-load"));
        assertTrue(Tmux.contains(screen, "mem-available") && Tmux.contains(screen, "cpu-load"), String.join("\n", screen));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        start();
        tmux.type("help");
        tmux.keys("Enter");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "Commands:") && lastLine(s).equals(PROMPT.strip()));
        for (String c : List.of("show", "top", "shell", "import")) {
            assertTrue(screen.stream().anyMatch(l -> l.startsWith("  " + c + " ")), c + " listed:\n" + String.join("\n", screen));
        }
    }

    @Test
    void aFailingCommandPrintsItsErrorAndTheShellGoesOn() throws Exception {
        start();
        tmux.type("show 'fs.avail_bytes{mount='");
        tmux.keys("Enter");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "error:") && lastLine(s).equals(PROMPT.strip()));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith("error: ")), String.join("\n", screen));
        tmux.type("nosuchcommand");
        tmux.keys("Enter");
        screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "nosuchcommand") && s.stream().filter(l -> l.startsWith("error: ")).count() >= 2);
        assertTrue(screen.stream().filter(l -> l.startsWith("error: ")).count() >= 2, String.join("\n", screen));
        waitForLast(PROMPT.strip());
        assertTrue(tmux.alive());
    }

    @Test
    void ctrlCDropsTheLineAndStopsARunningCommandButNotTheShell() throws Exception {
        start();
        tmux.type("show half typed");
        tmux.keys("C-c");
        // the dropped line stays on screen above a fresh prompt, as in bash
        List<String> dropped = tmux.waitFor(Tmux.REACT_MILLIS, s -> prompts(s) == 2 && lastLine(s).equals(PROMPT.strip()));
        assertEquals(2, prompts(dropped), String.join("\n", dropped));
        tmux.type("top --interval 1s");
        tmux.keys("Enter");
        List<String> screen = tmux.waitFor(Tmux.START_MILLIS, s -> Tmux.contains(s, "q quit"));
        assertTrue(Tmux.contains(screen, "q quit"), "top runs inside the shell:\n" + String.join("\n", screen));
        tmux.keys("C-c");
        waitForLast(PROMPT.strip());
        assertTrue(tmux.alive(), "the shell is still running");
    }

    @Test
    void exitLeavesAndTheHistoryIsKept() throws Exception {
        start();
        tmux.type("help");
        tmux.keys("Enter");
        tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "Commands:"));
        waitForLast(PROMPT.strip());
        tmux.type("exit");
        tmux.keys("Enter");
        assertTrue(tmux.waitForExit(Tmux.REACT_MILLIS), "exit leaves the shell");
        assertEquals("0", Files.readString(dir.resolve("rc")).strip());
        String history = Files.readString(dir.resolve("state/forewarn/history"));
        assertTrue(history.contains("help"), history);
    }

    @Test
    void ctrlDLeaves() throws Exception {
        start();
        tmux.keys("C-d");
        assertTrue(tmux.waitForExit(Tmux.REACT_MILLIS), "Ctrl-D on an empty line leaves the shell");
    }
}
