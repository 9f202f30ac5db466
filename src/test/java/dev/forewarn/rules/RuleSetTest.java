package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

    private static final String GOOD = """
            rules:
              - id: load-high
                series: cpu.load1
                direction: up
                now: {warning: 8}
            """;

    @TempDir
    Path dir;

    @Test
    void tenMegabyteQuotedScalarIsRefusedWithinASecondAtItsLine() throws IOException {
        Path f = dir.resolve("huge.yaml");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("rules:\n  - id: \"");
            char[] chunk = "x".repeat(64 * 1024).toCharArray();
            for (int i = 0; i < 160; i++) { // 10 MiB on one line
                w.write(chunk);
            }
            w.write("\"\n");
        }
        RuleFile rf = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> RuleSet.read(f));
        assertTrue(rf.rules().isEmpty());
        assertEquals(1, rf.problems().size(), rf.problems().toString());
        RuleProblem p = rf.problems().get(0);
        assertEquals(2, p.line());
        assertTrue(p.toString().startsWith(f + ":2:1: line longer than 65,536 characters"), p.toString());
    }

    @Test
    void fifoInRulesDirectoryIsRefusedWithoutHangingAndTheOtherFilesStillCount() throws Exception {
        Path rulesD = Files.createDirectory(dir.resolve("rules.d"));
        Path fifo = rulesD.resolve("x.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        Files.writeString(rulesD.resolve("y.yaml"), GOOD);
        RuleSet set = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RuleSet.load(false, List.of(rulesD), null));
        assertEquals(List.of(fifo + ": not a regular file (a FIFO): refused; a rules file is a YAML text file"),
                set.problems().stream().map(RuleProblem::toString).toList());
        assertEquals("load-high", set.rules().get(0).id());
    }

    @Test
    void deviceNamedAsTheRulesFileIsRefusedWithoutReadingIt() {
        RuleFile rf = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RuleSet.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a regular file (a character device): refused; a rules file is a YAML text file",
                rf.problems().get(0).toString());
    }

    @Test
    void rulesFileOverOneMebibyteIsRefusedNamingTheFile() throws IOException {
        Path f = dir.resolve("big.yaml");
        String comment = "# " + "c".repeat(98) + "\n";
        Files.writeString(f, GOOD + comment.repeat(11_000)); // 1.1 MB of short lines
        RuleFile rf = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RuleSet.read(f));
        assertEquals(List.of(f + ": larger than 1 MiB: refused; a rules file is a few kilobytes"),
                rf.problems().stream().map(RuleProblem::toString).toList());
    }

    @Test
    void explicitPipeIsStillRead() throws Exception {
        Path fifo = dir.resolve("piped.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, GOOD);
            } catch (IOException ignored) {
                // the reader fails then, and says so
            }
        });
        writer.start();
        RuleFile rf = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RuleSet.read(fifo));
        writer.join(5_000);
        assertTrue(rf.ok(), rf.problems().toString());
        assertEquals(1, rf.rules().size());
    }
}
