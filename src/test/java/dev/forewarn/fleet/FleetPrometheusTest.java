package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fleet read from a real Prometheus, backfilled with 30 days of five instances (one filling,
 * one with nightly bursts, three calm) by promtool: the shipped rules find exactly the filling one,
 * with the same forecast as the same points give from a SQLite store.
 */
class FleetPrometheusTest {

    static Path dir;
    static FleetHistory history;
    static RealPrometheus prometheus;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("fleet-prom");
        history = new FleetHistory(System.currentTimeMillis() - 600_000, 300_000, 30, List.of(
                new FleetHistory.Host("filling:9100", FleetHistory.Kind.FILLING),
                new FleetHistory.Host("bursts:9100", FleetHistory.Kind.BURSTS),
                new FleetHistory.Host("calm-1:9100", FleetHistory.Kind.CALM),
                new FleetHistory.Host("calm-2:9100", FleetHistory.Kind.CALM),
                new FleetHistory.Host("calm-3:9100", FleetHistory.Kind.CALM)));
        Path om = dir.resolve("fleet.om");
        history.writeOpenMetrics(om);
        prometheus = RealPrometheus.start(dir, om, "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static FleetEvaluation evaluate() {
        FleetReader reader = new FleetReader(new PrometheusClient(PrometheusConfig.of(prometheus.url())), null, null, 300);
        FleetEvaluator fleet = new FleetEvaluator(reader, new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC), 3);
        return fleet.evaluate(RuleSet.load(true, List.of(), null).rules(), history.endMillis(), 30L * 86_400_000L);
    }

    @Test
    void shippedRulesFindExactlyTheFillingInstance() {
        FleetEvaluation ev = evaluate();
        assertEquals(5, ev.instances().size(), ev.instances().toString());
        assertEquals(Severity.WARNING, ev.status());
        InstanceResult worst = ev.instances().get(0);
        assertEquals("filling:9100", worst.instance());
        assertEquals(List.of("fs-space"), worst.problems().stream().map(Finding::ruleId).toList(), worst.problems().toString());
        assertEquals("/data", worst.problems().get(0).projection().series().label("mount"));
        for (InstanceResult r : ev.instances().subList(1, 5)) {
            assertEquals(Severity.OK, r.status(), r.instance() + ": " + r.problems());
            assertTrue(r.series() > 10, r.instance() + " read " + r.series() + " series");
        }
        // the tmpfs /run "fills" too, and must not even be read
        assertTrue(worst.findings().stream().noneMatch(f -> "/run".equals(f.projection().series().label("mount"))));
    }

    @Test
    void forecastEqualsTheOneFromTheSamePointsInASqliteStore() throws Exception {
        FleetEvaluation ev = evaluate();
        Finding fleet = ev.instances().get(0).problems().get(0);
        List<Series> same = history.forewarnSeries(history.hosts().get(0));
        Path db = dir.resolve("same.db");
        Evaluation local;
        try (SampleStore s = SampleStore.open(db)) {
            s.appendAll(same);
            local = new RuleEvaluator(new ForecastEngine(), ZoneOffset.UTC)
                    .evaluate(RuleSet.load(true, List.of(), null).rules(), s, history.endMillis(), true, null);
        }
        Finding store = local.problems().get(0);
        assertEquals(fleet.projection().series(), store.projection().series());
        assertNotNull(fleet.projection().etaMillis());
        assertEquals(store.projection().etaMillis(), fleet.projection().etaMillis());
        assertEquals(store.projection().etaLowMillis(), fleet.projection().etaLowMillis());
        assertEquals(store.projection().etaHighMillis(), fleet.projection().etaHighMillis());
        assertEquals(store.projection().dataSha256(), fleet.projection().dataSha256());
        assertEquals(store.message(), fleet.message());
        // and it is the crossing that was generated: 9 days after the end
        double days = (fleet.projection().etaMillis() - history.endMillis()) / 86_400_000.0;
        assertEquals(9, days, 0.5);
    }
}
