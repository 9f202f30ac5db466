package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the real {@code forewarn shell} (in tmux) stops a long backtest: the prompt comes back
 * without the results, where the replay would otherwise run for minutes.
 */
class ShellInterruptTmuxTest {

    private static final String PROMPT = "forewarn>";
    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;

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
            tmux.close(); // also ends the JVM, should a replay still run
        }
    }

    /** 20 days of 5-minute free space on /, falling 1 GB a day with some noise: thousands of origins at --step 5m. */
    private Path store() {
        long end = System.currentTimeMillis() / STEP * STEP;
        int n = (int) (20 * DAY / STEP);
        long[] t = new long[n];
        double[] free = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * STEP;
            free[i] = 100e9 - 1e9 * i * STEP / DAY + ((i * 7919L) % 101) * 1e6;
            size[i] = 200e9;
        }
        SeriesKey root = SeriesKey.of("fs.avail_bytes", "mount", "/");
        Path db = dir.resolve("s.db");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(root, t, free), new Series(root.withName("fs.size_bytes"), t, size)));
        }
        return db;
    }

    private static String lastLine(List<String> screen) {
        for (int i = screen.size() - 1; i >= 0; i--) {
            if (!screen.get(i).isBlank()) {
                return screen.get(i).stripTrailing();
            }
        }
        return "";
    }

    @Test
    void ctrlCStopsARunningBacktestAndThePromptComesBack() throws Exception {
        Path db = store();
        tmux.start(100, 30, Tmux.forewarn(Map.of("XDG_STATE_HOME", dir.resolve("state").toString()), "shell", "--store", db.toString()));
        List<String> screen = tmux.waitFor(Tmux.START_MILLIS, s -> lastLine(s).equals(PROMPT));
        assertEquals(PROMPT, lastLine(screen), String.join("\n", screen));
        tmux.type("backtest --step 5m");
        tmux.keys("Enter");
        // the bar on stderr says the replay is under way ("0/1": one series, not done)
        screen = tmux.waitFor(Tmux.START_MILLIS, s -> Tmux.contains(s, "0/1"));
        assertTrue(Tmux.contains(screen, "0/1"), "the backtest runs:\n" + String.join("\n", screen));
        long sent = System.nanoTime();
        tmux.keys("C-c");
        screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> lastLine(s).equals(PROMPT));
        long tookMillis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals(PROMPT, lastLine(screen), "the prompt is back within " + Tmux.REACT_MILLIS + " ms:\n" + String.join("\n", screen));
        System.out.println("ShellInterruptTmuxTest: prompt back " + tookMillis + " ms after Ctrl-C");
        assertTrue(Tmux.contains(screen, "^C interrupted"), String.join("\n", screen));
        assertFalse(Tmux.contains(screen, "forewarn:") || Tmux.contains(screen, "origins"), "no results of the stopped replay:\n"
                + String.join("\n", screen));
        assertFalse(Tmux.contains(screen, "error:"), String.join("\n", screen));
        // the shell goes on: the next command runs
        tmux.type("show fs.avail_bytes");
        tmux.keys("Enter");
        screen = tmux.waitFor(Tmux.REACT_MILLIS, s -> s.stream().anyMatch(l -> l.startsWith("fs.avail_bytes{mount=\"/\"}")));
        assertTrue(screen.stream().anyMatch(l -> l.startsWith("fs.avail_bytes{mount=\"/\"}")), String.join("\n", screen));
        assertTrue(tmux.alive());
    }
}
