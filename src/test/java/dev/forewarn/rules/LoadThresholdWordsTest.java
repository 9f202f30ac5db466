package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.ThresholdSpec;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A load limit that is a percentage of the cores names the limit and counts the cores, not "cpu.cores (4)" on a 2-core host. */
class LoadThresholdWordsTest {

    private static final long AT = 1_773_446_400_000L;
    private static final long STEP = 300_000L;

    private static Series constant(SeriesKey key, double value) {
        int n = 289;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            v[i] = value;
        }
        return new Series(key, t, v);
    }

    @Test
    void theCriticalLoadMessageCountsTheCores() {
        Rule rule = RuleSet.load(true, List.of(), null).find("cpu-load");
        InMemorySeriesSource src = new InMemorySeriesSource();
        src.put(constant(SeriesKey.of("cpu.cores"), 2));
        src.put(constant(SeriesKey.of("cpu.load15"), 11.5));
        List<Finding> fs = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC).judge(rule, src, AT, true);
        Finding f = fs.stream().filter(x -> x.severity() == Severity.CRITICAL).findFirst().orElseThrow(() -> new AssertionError(fs.toString()));
        assertTrue(f.message().contains("above 4 (200% of 2 cores)"), f.message());
        assertFalse(f.message().contains("cpu.cores (4)"), f.message());
        assertEquals(4.0, f.projection().threshold(), 1e-9, "the JSON's number stays the level");
        assertEquals("4 (200% of 2 cores)", f.projection().thresholdShown());
    }

    @Test
    void oneCoreIsSingularAndASizeWholeKeepsItsForm() {
        assertEquals("1.5 (150% of 1 core)", ThresholdSpec.parse("150% of cpu.cores").shown("cpu.load15", 1.5, "cpu.cores"));
        assertEquals("5% of fs.size_bytes (12 GB)", ThresholdSpec.parse("5% of fs.size_bytes").shown("fs.avail_bytes", 12e9, "fs.size_bytes"));
    }
}
