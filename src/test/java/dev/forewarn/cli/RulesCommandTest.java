package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {

    @TempDir
    Path dir;

    private static CheckCommandTest.Run rules(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "rules";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CheckCommandTest.Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void validatePrintsEveryProblemWithFileLineColumnAndExitsOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                rules:
                  - id: a
                    series: 'fs.avail_bytes{mount='
                    direction: down
                    threshold: 0
                    warning: 3d
                    critical: 14d
                """);
        CheckCommandTest.Run r = rules("validate", bad.toString());
        assertEquals(1, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(bad + ":3:13: bad selector"), lines.get(0));
        assertTrue(lines.get(1).startsWith(bad + ":6:14: warning horizon (3d) is shorter"), lines.get(1));
    }

    @Test
    void validateOfAGoodFileSaysHowManyRulesAndExitsZero() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), """
                rules:
                  - id: a
                    series: x
                    direction: up
                    now: {warning: 1}
                """);
        CheckCommandTest.Run r = rules("validate", good.toString());
        assertEquals(0, r.code());
        assertEquals(good + ": 1 rule, no problems", r.out().strip());
    }

    @Test
    void listShowsWhereEachRuleComesFromAndWhatAnOverrideReplaced() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.yaml"), """
                rules:
                  - id: fs-space
                    series: fs.avail_bytes{mount="/"}
                    direction: down
                    now: {critical: 1GiB}
                  - id: swap-used
                    series: swap.used_bytes
                    enabled: false
                """);
        CheckCommandTest.Run r = rules("list", "--rules", mine.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fs-space") && l.endsWith(mine + ":2:5")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fs-space") && l.contains("built-in:rules/fs.yaml:4:5 (overridden")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("swap-used") && l.endsWith("(disabled)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("smart-pending") && l.contains("built-in:rules/smart.yaml:")), r.out());
    }

    @Test
    void explainShowsTheRuleTheSeriesItMatchesAndTheVerdict() {
        Path db = dir.resolve("f.db");
        long at = 1_773_446_400_000L;
        SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "fstype", "ext4");
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(List.of(new Series(var, new long[] {at - 60_000, at}, new double[] {1e9, 1e9}),
                    new Series(var.withName("fs.size_bytes"), new long[] {at - 60_000, at}, new double[] {1e11, 1e11})));
        }
        CheckCommandTest.Run r = rules("explain", "fs-space", "--store", db.toString(), "--at", "2026-03-14T00:00:00Z");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("rule fs-space (built-in:rules/fs.yaml:4:5)"), r.out());
        assertTrue(r.out().contains("threshold:  0; WARNING when the crossing is within 14 days, CRITICAL within 3 days"), r.out());
        assertTrue(r.out().contains("matches now (1 series"), r.out());
        assertTrue(r.out().contains("CRITICAL /var fills — 1 GB now, below 3% of fs.size_bytes"), r.out());
        assertEquals(1, rules("explain", "no-such-rule").code());
    }
}
