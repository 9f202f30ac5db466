package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code forewarn top} in an 80×24 tmux window and reads the screen. */
class TopTmuxTest {

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

    private Path start(Map<String, String> env) throws Exception {
        Path rc = dir.resolve("rc");
        String cmd = Tmux.forewarn(env, "top", "--store", dir.resolve("s.db").toString(), "--interval", "1s")
                + " 2>" + Tmux.quote(dir.resolve("stderr").toString()) + "; echo $? > " + Tmux.quote(rc.toString());
        tmux.start(80, 24, cmd);
        List<String> screen = tmux.waitFor(Tmux.START_MILLIS, s -> Tmux.contains(s, "q quit") && s.stream().anyMatch(l -> l.startsWith(" /  ")));
        assertTrue(Tmux.contains(screen, "q quit"), "help line on screen: " + String.join("\n", screen) + stderr());
        return rc;
    }

    private String stderr() throws Exception {
        Path f = dir.resolve("stderr");
        return Files.exists(f) ? "\nstderr: " + Files.readString(f) : "";
    }

    @Test
    void showsEveryPanelAndTheRootFilesystemAndQuitsOnQ() throws Exception {
        Path rc = start(Map.of());
        List<String> screen = tmux.screen(false);
        assertEquals(24, screen.stream().limit(24).count());
        for (String title : List.of("Filesystems", "Memory", "Swap", "CPU / load", "Disks", "Network")) {
            assertTrue(Tmux.contains(screen, title), title + " panel:\n" + String.join("\n", screen));
        }
        String root = screen.stream().filter(l -> l.startsWith(" /  ")).findFirst().orElseThrow();
        assertTrue(root.matches(".*free of.*\\d+%.*"), "the / row shows space and use: " + root);
        assertTrue(screen.get(0).contains("forewarn top"), screen.get(0));
        tmux.keys("q");
        assertTrue(tmux.waitForExit(Tmux.REACT_MILLIS), "q ends top");
        assertEquals("0", Files.readString(rc).strip());
    }

    @Test
    void keysSwitchPanelSortAndFilter() throws Exception {
        start(Map.of());
        tmux.keys("Tab");
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, ">2 Memory"));
        assertTrue(Tmux.contains(screen, ">2 Memory"), "Tab focuses the next panel:\n" + String.join("\n", screen));
        tmux.keys("4");
        assertTrue(Tmux.contains(tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, ">4 CPU")), ">4 CPU"));
        tmux.keys("s");
        assertTrue(Tmux.contains(tmux.waitFor(Tmux.REACT_MILLIS, s -> s.get(0).contains("sort: runs out")), "sort: runs out"));
        tmux.type("/load");
        assertTrue(Tmux.contains(tmux.waitFor(Tmux.REACT_MILLIS, s -> Tmux.contains(s, "filter: load_")), "filter: load_"));
        tmux.keys("Enter");
        screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> s.get(0).contains("filter: load") && s.stream().noneMatch(l -> l.startsWith(" /  ")));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith(" load1")), "load rows stay:\n" + String.join("\n", screen));
        assertFalse(screen.stream().anyMatch(l -> l.startsWith(" /  ")), "the / row is filtered out");
        tmux.keys("Escape");
        screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> s.stream().anyMatch(l -> l.startsWith(" /  ")));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith(" /  ")), "Esc clears the filter");
    }

    @Test
    void redrawsForTheNewSizeWhenTheWindowIsResized() throws Exception {
        start(Map.of());
        tmux.resize(120, 30);
        List<String> screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> s.size() >= 30 && s.get(29).contains("q quit"));
        assertTrue(screen.size() >= 30 && screen.get(29).contains("q quit"), "help line moves to the new last row:\n" + String.join("\n", screen));
        assertTrue(screen.stream().anyMatch(l -> l.indexOf("runs out") > 80), "columns spread over the wider window:\n" + String.join("\n", screen));
    }

    @Test
    void ctrlCLeavesCleanly() throws Exception {
        Path rc = start(Map.of());
        tmux.keys("C-c");
        assertTrue(tmux.waitForExit(Tmux.REACT_MILLIS), "Ctrl-C ends top");
        assertEquals("0", Files.readString(rc).strip());
    }

    @Test
    void noColorLeavesOutColourButKeepsTheScreen() throws Exception {
        start(Map.of("NO_COLOR", "1"));
        List<String> raw = tmux.screen(true);
        String all = String.join("\n", raw);
        assertTrue(all.contains("Filesystems"));
        assertFalse(all.matches("(?s).*\u001b\\[[0-9;]*(3[0-7]|9[0-7]|38;5;\\d+)m.*"), "no colour escape under NO_COLOR:\n" + all);
        tmux.keys("q");
    }

    @Test
    void colourIsUsedWithoutNoColor() throws Exception {
        start(Map.of());
        String all = String.join("\n", tmux.screen(true));
        assertTrue(all.matches("(?s).*\u001b\\[[0-9;]*(36|96)m.*"), "sparklines in cyan:\n" + all);
        tmux.keys("q");
    }
}
