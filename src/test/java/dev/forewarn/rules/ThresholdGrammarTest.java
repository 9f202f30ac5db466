package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ThresholdSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule and the command line read thresholds with one grammar: {@code 90%} means 90 % of the
 * series' whole everywhere, a percentage of a series with a unit needs a whole, and negative
 * percentages and non-finite numbers are refused.
 */
class ThresholdGrammarTest {

    private static RuleFile rule(String series, String threshold) {
        return RuleParser.parse("""
                rules:
                  - id: t
                    series: %s
                    direction: down
                    threshold: "%s"
                    warning: 14d
                """.formatted(series, threshold), "t.yaml");
    }

    private static String problems(RuleFile f) {
        return f.problems().stream().map(RuleProblem::toString).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void negativePercentageFailsValidationAtItsLine() {
        RuleFile f = rule("power.health_ratio", "-5%");
        assertEquals(1, f.problems().size(), () -> problems(f));
        RuleProblem p = f.problems().get(0);
        assertEquals(5, p.line(), p::toString);
        assertTrue(p.message().contains("negative percentage"), p::toString);
    }

    @Test
    void percentageOfABytesSeriesWithoutAWholeIsAnErrorThatSaysSo() {
        RuleFile f = rule("proc.rss_bytes", "5%");
        assertEquals(1, f.problems().size(), () -> problems(f));
        String m = f.problems().get(0).message();
        assertTrue(m.contains("needs a whole") && m.contains("bytes") && m.contains("of SERIES"), m);
    }

    @Test
    void barePercentageIsOfTheSizeSeriesInARuleAsOnTheCommandLine() {
        RuleFile f = rule("fs.avail_bytes", "5%");
        assertTrue(f.ok(), () -> problems(f));
        Threshold t = f.rules().get(0).threshold();
        assertEquals("fs.size_bytes", t.companion());
        assertEquals(0.05, t.value(), 1e-12);
        // the command line's grammar takes the same 5 % of the same companion
        assertEquals(ThresholdSpec.Kind.PERCENT, ThresholdSpec.parse("5%").kind());
        assertEquals("fs.size_bytes", ThresholdSpec.wholeOf("fs.avail_bytes", "5%"));
    }

    @Test
    void barePercentageOfARatioIsAFractionOfOne() {
        Threshold t = rule("power.health_ratio", "90%").rules().get(0).threshold();
        assertNull(t.companion());
        assertEquals(0.9, t.value(), 1e-12);
    }

    @Test
    void nonFiniteThresholdsAreRefused() {
        for (String bad : List.of("1e400", "NaN", "-1e999GiB", "Infinity")) {
            RuleFile f = rule("fs.avail_bytes", bad);
            assertEquals(1, f.problems().size(), () -> bad + ": " + problems(f));
            assertThrows(IllegalArgumentException.class, () -> ThresholdSpec.parse(bad), bad);
        }
    }

    @Test
    void thresholdIsShownAsWritten() {
        Threshold gib = Threshold.parse("100GiB", "fs.avail_bytes");
        assertEquals("100 GiB (107 GB)", gib.shown("fs.avail_bytes", gib.value()));
        Threshold pct = Threshold.parse("2% of mem.total_bytes", "mem.available_bytes");
        assertEquals("2% of mem.total_bytes (344 MB)", pct.shown("mem.available_bytes", 344e6));
        assertEquals("0 B", Threshold.parse("0", "fs.avail_bytes").shown("fs.avail_bytes", 0));
    }
}
