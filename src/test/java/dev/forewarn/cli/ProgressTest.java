package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void barShowsShareDoneCountAndRemainingTime() {
        String bar = Progress.render("importing", 500, 1000, 3_000, 60);
        assertEquals(59, bar.length());
        assertTrue(bar.startsWith("importing ["), bar);
        assertTrue(bar.contains(" 50%  500/1000  eta 3s"), bar);
        int hashes = bar.length() - bar.replace("#", "").length();
        int dashes = bar.substring(0, bar.indexOf(']')).length() - bar.substring(0, bar.indexOf(']')).replace("-", "").length();
        assertEquals(hashes, dashes, "half of the bar is filled: " + bar);
    }

    @Test
    void barNeverReachesTheLastColumnSoTheTerminalDoesNotWrap() {
        for (int width : new int[] {20, 40, 80, 200}) {
            assertEquals(width - 1, Progress.render("a rather long label for a narrow terminal", 3, 7, 10, width).length());
        }
    }

    @Test
    void unknownTotalShowsCountAndElapsedTime() {
        assertTrue(Progress.render("checking", 42, 0, 12_000, 80).startsWith("checking  42  12s"));
    }

    @Test
    void nothingIsDrawnUnderCronOrInAPipeOrOnADumbTerminal() {
        assertFalse(Progress.visible(Map.of("TERM", "xterm"), false), "no console: cron, pipe");
        assertFalse(Progress.visible(Map.of("TERM", "dumb"), true));
        assertFalse(Progress.visible(Map.of(), true), "no TERM at all");
        assertFalse(Progress.visible(Map.of("TERM", "xterm", "FOREWARN_PROGRESS", "0"), true));
        assertTrue(Progress.visible(Map.of("TERM", "xterm-256color"), true));
    }

    @Test
    void closeClearsTheLineItDrew() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.to(out, "vacuum", 4, 40)) {
            for (int i = 0; i < 4; i++) {
                p.step();
            }
            assertEquals(4, p.done());
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("100%  4/4"), "the last step is always drawn: " + text);
        assertTrue(text.endsWith("\r" + " ".repeat(39) + "\r"), "the bar is wiped at the end");
    }

    @Test
    void stepsFromParallelWorkersAreAllCounted() throws InterruptedException {
        Progress p = Progress.to(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "check", 40_000, 80);
        Thread[] workers = new Thread[4];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    p.step();
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        p.close();
        assertEquals(40_000, p.done());
    }

    @Test
    void bytesReadThroughTheCountingStreamAreTheSteps() throws Exception {
        Progress p = Progress.to(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "reading", 10_000, 80);
        try (var in = p.counting(new java.io.ByteArrayInputStream(new byte[10_000]))) {
            in.read();
            in.readAllBytes();
        }
        assertEquals(10_000, p.done());
    }
}
