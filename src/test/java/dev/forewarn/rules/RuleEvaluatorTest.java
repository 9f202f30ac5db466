package dev.forewarn.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Forecaster;
import dev.forewarn.series.InMemorySeriesSource;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final long DAY = 86_400_000L;
    private static final long STEP = 300_000L;
    private static final long AT = 1_773_446_400_000L;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final SeriesKey VAR = SeriesKey.of("fs.avail_bytes", "mount", "/var");

    private static Rule rule(String yaml) {
        RuleFile f = RuleParser.parse(yaml, "t.yaml");
        assertTrue(f.ok(), f.problems()::toString);
        return f.rules().get(0);
    }

    private static Series constant(SeriesKey key, long end, double days, double v) {
        int n = (int) (days * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = end - (long) (n - 1 - i) * STEP;
            x[i] = v;
        }
        return new Series(key, t, x);
    }

    private static final Rule LOW = rule("""
            rules:
              - id: low
                series: fs.avail_bytes
                direction: down
                now: {warning: 10% of fs.size_bytes}
                hold: 3
                message: "{mount} is low {when}"
            """);

    private static InMemorySeriesSource source(double availGib, long end) {
        return new InMemorySeriesSource().put(constant(VAR, end, 1, availGib * GIB))
                .put(constant(VAR.withName("fs.size_bytes"), end, 1, 100 * GIB));
    }

    @Test
    void aFineVerdictNamesTheLevelItKeepsClearOfAsTheRuleWroteIt() {
        RuleEvaluator ev = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC);
        Finding f = ev.evaluate(List.of(LOW), source(50, AT), AT, true, new InMemoryFindingState()).findings().get(0);
        assertEquals(Severity.OK, f.severity());
        // the rule has a warning level only: it is not called critical, and it reads as written
        assertTrue(f.message().endsWith("is fine: 53.7 GB; warning below 10% of fs.size_bytes (10.7 GB)"), f.message());
        assertEquals("10% of fs.size_bytes (10.7 GB)", f.projection().thresholdText());
    }

    @Test
    void verdictIsRaisedOnlyAfterHoldingForTheRulesEvaluationsAndResolvedOnce() {
        RuleEvaluator ev = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC);
        InMemoryFindingState state = new InMemoryFindingState();
        for (int i = 0; i < 2; i++) {
            Evaluation e = ev.evaluate(List.of(LOW), source(5, AT + i * STEP), AT + i * STEP, true, state);
            assertEquals(Severity.OK, e.status(), "pending at evaluation " + (i + 1));
            assertTrue(e.findings().get(0).message().contains("(pending WARNING: " + (i + 1) + " of 3 evaluations)"));
        }
        Evaluation third = ev.evaluate(List.of(LOW), source(5, AT + 2 * STEP), AT + 2 * STEP, true, state);
        assertEquals(Severity.WARNING, third.status());
        assertEquals(1, state.history().size());
        assertNull(state.history().get(0).resolvedMillis());

        Evaluation fine = ev.evaluate(List.of(LOW), source(50, AT + 3 * STEP), AT + 3 * STEP, true, state);
        assertEquals(Severity.OK, fine.status());
        assertEquals(1, fine.resolved().size());
        assertTrue(fine.resolved().get(0).message().startsWith("resolved (was WARNING since "));
        assertEquals(AT + 3 * STEP, state.history().get(0).resolvedMillis());
        Evaluation again = ev.evaluate(List.of(LOW), source(50, AT + 4 * STEP), AT + 4 * STEP, true, state);
        assertEquals(List.of(), again.resolved());
    }

    @Test
    void aSingleBadReadingBetweenGoodOnesNeverRaises() {
        RuleEvaluator ev = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC);
        InMemoryFindingState state = new InMemoryFindingState();
        double[] gib = {5, 50, 5, 50, 5, 50};
        for (int i = 0; i < gib.length; i++) {
            Evaluation e = ev.evaluate(List.of(LOW), source(gib[i], AT + i * STEP), AT + i * STEP, true, state);
            assertEquals(Severity.OK, e.status(), "flapping must stay quiet at " + i);
        }
        assertEquals(List.of(), state.history());
    }

    @Test
    void replayOfAnEarlierTimeIsJudgedRawAndLeavesTheMemoryAlone() {
        RuleEvaluator ev = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC);
        InMemoryFindingState state = new InMemoryFindingState();
        ev.evaluate(List.of(LOW), source(5, AT), AT, true, state);
        Evaluation replay = ev.evaluate(List.of(LOW), source(5, AT - DAY), AT - DAY, true, state);
        assertEquals(Severity.WARNING, replay.status());
        assertEquals(1, state.get("low", VAR.toString()).count());
    }

    @Test
    void steadySeriesIsScreenedWithoutRunningTheForecast() {
        AtomicInteger calls = new AtomicInteger();
        ForecastEngine engine = new ForecastEngine();
        Forecaster counting = (s, r) -> {
            calls.incrementAndGet();
            return engine.project(s, r);
        };
        Rule fill = rule("""
                rules:
                  - id: fill
                    series: fs.avail_bytes
                    direction: down
                    threshold: 0
                    warning: 14d
                    critical: 3d
                """);
        RuleEvaluator ev = new RuleEvaluator(counting, ZoneOffset.UTC);
        Finding steady = ev.judge(fill, new InMemorySeriesSource().put(constant(VAR, AT, 10, 40 * GIB)), AT, true).get(0);
        assertEquals(Severity.OK, steady.severity());
        assertEquals(0, calls.get());
        assertTrue(steady.message().contains("not projected to reach 0 B within 14 days"), steady.message());
        // A real fill goes to the forecaster and comes back with a date.
        int n = (int) (10 * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            v[i] = 10 * GIB + (AT - t[i]) / (double) DAY * GIB;
        }
        Finding filling = ev.judge(fill, new InMemorySeriesSource().put(new Series(VAR, t, v)), AT, true).get(0);
        assertEquals(1, calls.get());
        assertEquals(Severity.WARNING, filling.severity());
        assertTrue(filling.message().matches("/var \\(fs.avail_bytes\\) reaches 0 B in (9|10) days \\(.*80 %: .*\\)"), filling.message());
    }

    @Test
    void missingCompanionMeansTheLevelDoesNotApplyAndStaleSeriesAreSkipped() {
        RuleEvaluator ev = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC);
        assertEquals(List.of(), ev.judge(LOW, new InMemorySeriesSource().put(constant(VAR, AT, 1, 1)), AT, true));
        assertEquals(List.of(), ev.judge(LOW, source(5, AT - 2 * DAY), AT, true), "unmounted two days ago");
    }

    @Test
    void counterRateSurvivesAResetAndIsRenamedPerSecond() {
        SeriesKey k = SeriesKey.of("net.rx_errors_total", "iface", "eth0");
        Series c = new Series(k, new long[] {0, 60_000, 120_000, 180_000}, new double[] {100, 160, 60, 120});
        Series rate = CounterRate.perSecond(c, 60_000);
        assertEquals("net.rx_errors_per_second", rate.key().name());
        assertEquals(3, rate.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, rate.value(i), 1e-12, "one error a second, reset or not");
        }
    }

    private static final Rule SPACE = rule("""
            rules:
              - id: space
                series: fs.avail_bytes
                direction: down
                threshold: 0
                warning: 14d
                critical: 3d
                evidence: {span: 2d, samples: 12}
                message: "{mount} fills {when}"
            """);

    @Test
    void weeklyStepsTowardTheThresholdWarnAlthoughTheLastThreeDaysAreFlat() {
        // A batch job keeps what it writes: 20 GiB every 7 days, the last step 4 days ago, 25 GiB left.
        int n = (int) (40 * DAY / STEP) + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            t[i] = AT - (long) (n - 1 - i) * STEP;
            double daysAgo = (AT - t[i]) / (double) DAY;
            int stepsAhead = (int) Math.floor((daysAgo + 3) / 7); // steps at 4, 11, 18, ... days ago
            v[i] = (25 + 20 * stepsAhead) * GIB + 0.01 * GIB * r.nextGaussian();
        }
        InMemorySeriesSource src = new InMemorySeriesSource().put(new Series(VAR, t, v));
        List<Finding> f = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC).judge(SPACE, src, AT, true);
        assertEquals(1, f.size());
        assertTrue(f.get(0).severity().rank() >= Severity.WARNING.rank(), f.get(0).message() + " | " + f.get(0).projection().reason());
        assertTrue(f.get(0).projection().etaMillis() - AT < 14 * DAY, f.get(0).message());
    }

    @Test
    void tooLittleHistoryIsLearningWithHowMuchMoreItNeeds() {
        InMemorySeriesSource src = new InMemorySeriesSource().put(constant(VAR, AT, 1.5, 50 * GIB));
        List<Finding> f = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC).judge(SPACE, src, AT, true);
        assertEquals(1, f.size());
        assertEquals(Severity.OK, f.get(0).severity());
        assertTrue(f.get(0).message().contains("learning"), f.get(0).message());
        assertTrue(!f.get(0).message().contains("within a year"), f.get(0).message());
        assertEquals(dev.forewarn.forecast.Projection.LEARNING, f.get(0).projection().state());
        assertEquals(DAY / 2 / 1000, f.get(0).projection().needsMoreSeconds(), 1.0);
    }
}
