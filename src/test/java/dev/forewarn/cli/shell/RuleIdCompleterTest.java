package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.cli.Main;
import dev.forewarn.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Rule ids after {@code rules explain}, from the rules in force, in the shell's real command tree. */
class RuleIdCompleterTest {

    private final CommandLine root = Main.commandLine();

    @TempDir
    Path dir;

    @Test
    void ruleIdIsExpectedOnlyAsTheIdOfRulesExplain() {
        assertTrue(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", ""), 2));
        assertTrue(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", "fs-"), 2));
        assertTrue(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", "--rules", "x.yaml", ""), 4), "after an option's value");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", "--rules", ""), 3), "--rules takes a file");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", "--at", ""), 3), "--at takes a time");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("rules", "explain", "--"), 2), "an option is being typed");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("rules", "list", ""), 2));
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("show", "explain", ""), 2));
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("rules", ""), 1), "the subcommand word");
        assertTrue(RuleIdCompleter.expectsRuleId(root, List.of("forecast", "mem.available_bytes", "--rule", ""), 3), "forecast --rule ID");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("forecast", "mem.available_bytes", ""), 2), "forecast's selector");
        assertFalse(RuleIdCompleter.expectsRuleId(root, List.of("forecast", "mem.available_bytes", "--threshold", ""), 3));
    }

    @Test
    void idsAreTheRulesInForceIncludingTheLinesOwnRulesFile() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.yaml"), """
                rules:
                  - id: my-load
                    series: cpu.load1
                    direction: up
                    now: {warning: 4}
                  - id: cpu-load
                    enabled: false
                """);
        RuleIdCompleter c = new RuleIdCompleter(root, extra -> RuleSet.load(true, List.of(), extra));
        List<String> builtIn = c.ids(List.of("rules", "explain", ""));
        assertTrue(builtIn.containsAll(List.of("fs-space", "cpu-load", "mem-available")), builtIn.toString());
        assertFalse(builtIn.contains("my-load"));
        List<String> withFile = c.ids(List.of("rules", "explain", "--rules", mine.toString(), ""));
        assertTrue(withFile.contains("my-load"), withFile.toString());
        assertFalse(withFile.contains("cpu-load"), "switched off by the file: " + withFile);
        assertEquals(builtIn.size(), withFile.size(), "one added, one switched off");
    }
}
