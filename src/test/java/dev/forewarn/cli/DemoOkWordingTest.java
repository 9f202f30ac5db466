package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An OK finding is worded without the rule's template. The demo's /var, dated beyond the
 * warning, read "/var (fs.avail_bytes) in 40 days (Sat 16 Jan 2027, ...)": no verb.
 */
class DemoOkWordingTest {

    @Test
    void aFillDatedBeyondTheWarningIsOkAndSaysWhatItReaches() {
        InMemorySeriesSource src = new InMemorySeriesSource();
        for (Series s : DemoHistory.build(DemoFutureTest.END, DemoFutureTest.SEED)) {
            if (s.key().equals(DemoFutureTest.VAR)) {
                src.put(s);
            }
        }
        List<Finding> fs = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC)
                .judge(RuleSet.load(true, List.of(), null).find("fs-space"), src, DemoFutureTest.END, true);
        assertEquals(1, fs.size());
        Finding f = fs.get(0);
        assertEquals(Severity.OK, f.severity(), f.message());
        assertTrue(f.message().matches("/var \\(fs.avail_bytes\\) reaches 0 B in \\d+ days \\(\\w{3} \\d+ \\w{3} 2027, 80 %: .*; limit 0 B\\)"),
                f.message());
    }
}
