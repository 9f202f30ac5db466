package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enabled: false} with only an {@code id}: switches off the earlier rule with that id. */
class RuleSwitchOffTest {

    @TempDir
    Path dir;

    private RuleSet withBuiltIn(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("local.yaml"), yaml);
        return RuleSet.load(true, List.of(), f);
    }

    @Test
    void idAndEnabledFalseAloneSwitchOffABuiltInRule() throws IOException {
        RuleSet set = withBuiltIn("""
                rules:
                  - id: cpu-load
                    enabled: false
                """);
        assertEquals(List.of(), set.problems());
        assertNull(set.find("cpu-load"), "cpu-load is no longer in force");
        Rule off = set.disabled().stream().filter(r -> r.id().equals("cpu-load")).findFirst().orElseThrow();
        assertEquals("cpu.load15", off.selector().toString(), "the disabled entry is the rule it switched off");
        assertEquals(dir.resolve("local.yaml") + ":2:5", off.source().toString(), "and says where it was switched off");
        assertTrue(set.overridden().stream().anyMatch(r -> r.id().equals("cpu-load") && r.source().file().startsWith("built-in:")));
        assertNotNull(set.find("fs-space"), "the other rules stay in force");
    }

    @Test
    void aDescriptionBesideTheSwitchIsAllowed() throws IOException {
        RuleSet set = withBuiltIn("""
                rules:
                  - id: swap-used
                    description: this host runs without swap on purpose
                    enabled: false
                """);
        assertEquals(List.of(), set.problems());
        assertNull(set.find("swap-used"));
    }

    @Test
    void switchingOffAnIdNoEarlierFileDefinesIsAProblemWithItsLine() throws IOException {
        RuleSet set = withBuiltIn("""
                rules:
                  - id: cpu-laod
                    enabled: false
                """);
        assertEquals(1, set.problems().size(), set.problems().toString());
        assertTrue(set.problems().get(0).toString().startsWith(dir.resolve("local.yaml") + ":2:5: enabled: false switches off 'cpu-laod', but no earlier"),
                set.problems().toString());
        assertNotNull(set.find("cpu-load"));
    }

    @Test
    void aJudgingKeyWithoutSeriesIsAProblemNotASilentSwitchOff() {
        RuleFile f = RuleParser.parse("""
                rules:
                  - id: cpu-load
                    enabled: false
                    threshold: 4
                """, "x.yaml");
        assertEquals(1, f.problems().size(), f.problems().toString());
        assertTrue(f.problems().get(0).toString().startsWith("x.yaml:4:16: 'threshold' in a rule that only switches another off"),
                f.problems().toString());
        assertEquals(List.of(), f.rules());
    }

    @Test
    void aLaterFullDefinitionSwitchesTheRuleBackOn() {
        RuleFile off = RuleParser.parse("rules:\n  - id: mine\n    enabled: false\n", "b.yaml");
        RuleFile first = RuleParser.parse("rules:\n  - id: mine\n    series: cpu.load1\n    direction: up\n    now: {warning: 4}\n", "a.yaml");
        RuleFile again = RuleParser.parse("rules:\n  - id: mine\n    series: cpu.load5\n    direction: up\n    now: {warning: 4}\n", "c.yaml");
        RuleSet set = RuleSet.combine(List.of(first, off, again));
        assertEquals(List.of(), set.problems());
        assertEquals("cpu.load5", set.find("mine").selector().toString());
        assertTrue(set.find("mine").enabled());
        assertFalse(RuleSet.combine(List.of(first, off)).find("mine") != null);
    }

    @Test
    void enabledFalseWithSeriesStillDefinesADisabledRule() {
        RuleFile f = RuleParser.parse("rules:\n  - id: mine\n    series: cpu.load1\n    direction: up\n    now: {warning: 4}\n    enabled: false\n", "a.yaml");
        assertEquals(List.of(), f.problems());
        assertFalse(f.rules().get(0).isSwitchOff());
        RuleSet set = RuleSet.combine(List.of(f));
        assertEquals("cpu.load1", set.disabled().get(0).selector().toString());
    }
}
