package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    private static final String GOOD = """
            rules:
              - id: fs-space
                description: Filesystem space runs out
                series: fs.avail_bytes
                exclude:
                  - '{fstype=~"tmpfs|devtmpfs"}'
                  - '{ro="true"}'
                direction: down
                threshold: 5% of fs.size_bytes
                warning: 14d
                critical: 3d
                now:
                  warning: 10% of fs.size_bytes
                  critical: 3% of fs.size_bytes
                evidence: {span: 2d, samples: 24}
                hold: {evaluations: 2, span: 30m}
                message: "{mount} fills {when}"
              - id: net-errors
                series: net.rx_errors_total
                direction: up
                rate: 15m
                now: {warning: 1}
                hold: 3
            """;

    private static RuleProblem only(String yaml) {
        RuleFile f = RuleParser.parse(yaml, "t.yaml");
        assertEquals(1, f.problems().size(), () -> "problems: " + f.problems());
        return f.problems().get(0);
    }

    private static void assertAt(RuleProblem p, int line, int column, String fragment) {
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), p::toString);
        assertTrue(p.message().contains(fragment), () -> "'" + p.message() + "' lacks '" + fragment + "'");
    }

    @Test
    void goodFileYieldsEveryFieldOfEachRule() {
        RuleFile f = RuleParser.parse(GOOD, "good.yaml");
        assertTrue(f.ok(), f.problems()::toString);
        assertEquals(2, f.rules().size());
        Rule fs = f.rules().get(0);
        assertEquals("fs-space", fs.id());
        assertEquals(Direction.DOWN, fs.direction());
        assertEquals(0.05, fs.threshold().value(), 1e-12);
        assertEquals("fs.size_bytes", fs.threshold().companion());
        assertEquals(14 * 86_400_000L, fs.warningMillis());
        assertEquals(3 * 86_400_000L, fs.criticalMillis());
        assertEquals(0.03, fs.nowCritical().value(), 1e-12);
        assertEquals(new Rule.Evidence(2 * 86_400_000L, 24), fs.evidence());
        assertEquals(new Rule.Hold(2, 1_800_000L), fs.hold());
        assertEquals(new RuleSource("good.yaml", 2, 5), fs.source());
        assertTrue(fs.matches(SeriesKey.of("fs.avail_bytes", "mount", "/var", "fstype", "ext4")));
        assertFalse(fs.matches(SeriesKey.of("fs.avail_bytes", "mount", "/run", "fstype", "tmpfs")));
        assertFalse(fs.matches(SeriesKey.of("fs.avail_bytes", "mount", "/media/cd", "fstype", "ext4", "ro", "true")));
        Rule net = f.rules().get(1);
        assertEquals(900_000L, net.rateWindowMillis());
        assertEquals(new Rule.Hold(3, 0), net.hold());
        assertNull(net.threshold());
    }

    @Test
    void unknownKeyIsReportedAtTheKey() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: up
                    now: {warning: 1}
                    treshold: 5
                """), 6, 5, "unknown key 'treshold'");
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: up
                    now: {warning: 1}
                    hold: [1, 2]
                """), 6, 11, "hold must be a mapping");
    }

    @Test
    void badSelectorIsReportedAtTheSelector() {
        assertAt(only("""
                rules:
                  - id: a
                    series: 'fs.avail_bytes{mount="/var"'
                    direction: down
                    now: {warning: 1}
                """), 3, 13, "bad selector");
    }

    @Test
    void badThresholdIsReportedAtTheThreshold() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: down
                    threshold: 5 parsecs
                    warning: 14d
                """), 5, 16, "bad threshold");
    }

    @Test
    void badHorizonIsReportedAtTheHorizon() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: down
                    threshold: 0
                    warning: two weeks
                """), 6, 14, "bad warning");
    }

    @Test
    void warningHorizonShorterThanCriticalIsAnError() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: down
                    threshold: 0
                    warning: 3d
                    critical: 14d
                """), 6, 14, "shorter than the critical horizon");
    }

    @Test
    void duplicateIdInOneFileNamesTheFirst() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: up
                    now: {warning: 1}
                  - id: a
                    series: y
                    direction: up
                    now: {warning: 1}
                """), 6, 9, "duplicate rule id 'a' (first at line 2)");
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        RuleProblem p = only("""
                rules:
                  - id: a
                    series: [x
                    direction: up
                """);
        assertTrue(p.line() >= 3, p::toString);
        assertTrue(p.message().startsWith("YAML syntax"), p::toString);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        RuleFile f = RuleParser.parse("""
                rules:
                  - id: a
                    series: x
                    direction: sideways
                    threshold: lots
                    warning: soon
                    colour: red
                """, "t.yaml");
        List<Integer> lines = f.problems().stream().map(RuleProblem::line).toList();
        assertEquals(List.of(4, 5, 6, 7), lines, f.problems()::toString);
        assertTrue(f.rules().isEmpty());
    }

    @Test
    void aBrokenRuleDoesNotDropItsValidNeighbours() {
        RuleFile f = RuleParser.parse("""
                rules:
                  - id: broken
                    series: x
                    direction: up
                    now: {warning: many}
                  - id: fine
                    series: y
                    direction: up
                    now: {warning: 1}
                """, "t.yaml");
        assertEquals(1, f.problems().size());
        assertEquals(List.of("fine"), f.rules().stream().map(Rule::id).toList());
    }

    @Test
    void missingKeysAreReportedAtTheRule() {
        assertAt(only("""
                rules:
                  - id: a
                    direction: up
                    now: {warning: 1}
                """), 2, 5, "missing key 'series'");
    }

    @Test
    void badPlaceholderInMessageIsAnError() {
        assertAt(only("""
                rules:
                  - id: a
                    series: x
                    direction: up
                    now: {warning: 1}
                    message: "{mount fills"
                """), 6, 14, "unclosed");
    }

    @Test
    void thresholdsAcceptUnitsAndPercentages() {
        assertEquals(10.0 * (1L << 30), Threshold.parse("10GiB").value(), 1e-3);
        assertEquals(0.9, Threshold.parse("90%").value(), 1e-12);
        assertEquals(5e9, Threshold.parse("5 GB").value(), 1e-3);
        assertEquals(0.05 * 200, Threshold.parse("5% of fs.size_bytes").resolve(200), 1e-12);
    }
}
