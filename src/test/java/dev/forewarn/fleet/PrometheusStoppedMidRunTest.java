package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.forecast.Forecaster;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus stopped while the fleet is being judged: the instances read before still
 * have their verdict, the rest are UNKNOWN with the reason, and the run ends promptly.
 */
class PrometheusStoppedMidRunTest {

    @TempDir
    Path dir;

    @Test
    void instancesAfterTheStopAreUnknownWithTheReasonAndTheOthersKeepTheirVerdict() throws Exception {
        FleetHistory h = new FleetHistory(System.currentTimeMillis() - 600_000, 300_000, 3, List.of(
                new FleetHistory.Host("a:9100", FleetHistory.Kind.FILLING),
                new FleetHistory.Host("b:9100", FleetHistory.Kind.CALM),
                new FleetHistory.Host("c:9100", FleetHistory.Kind.CALM)));
        Path om = dir.resolve("h.om");
        h.writeOpenMetrics(om);
        RealPrometheus prom = RealPrometheus.start(dir, om, "");
        AtomicBoolean stopped = new AtomicBoolean();
        ForecastEngine engine = new ForecastEngine();
        // the first forecast (instance a, once its history is read) stops the server; a is the filling
        // one because a calm instance's series can all be screened out without any forecast
        Forecaster stopping = (series, req) -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    prom.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return engine.project(series, req);
        };
        try {
            PrometheusClient client = new PrometheusClient(new PrometheusConfig(java.net.URI.create(prom.url()), null, null, null,
                    Duration.ofSeconds(2), Duration.ofSeconds(5), PrometheusConfig.DEFAULT_MAX_RESPONSE_BYTES));
            FleetEvaluator fleet = new FleetEvaluator(new FleetReader(client, null, null, 300),
                    new RuleEvaluator(stopping, ZoneOffset.UTC), 1);
            long t0 = System.nanoTime();
            FleetEvaluation ev = fleet.evaluate(RuleSet.load(true, List.of(), null).rules(), h.endMillis(), 3 * 86_400_000L);
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 20_000);
            assertTrue(stopped.get());
            assertFalse(prom.alive());
            assertEquals(List.of("b:9100", "c:9100"), ev.failed().stream().map(InstanceResult::instance).toList());
            for (InstanceResult r : ev.failed()) {
                assertTrue(r.error().contains("refused the connection"), r.error());
            }
            InstanceResult a = ev.instances().stream().filter(r -> r.instance().equals("a:9100")).findFirst().orElseThrow();
            assertNull(a.error());
            // the filling instance keeps its verdict, and WARNING outranks the others' UNKNOWN
            assertEquals(Severity.WARNING, a.status());
            assertEquals(Severity.WARNING, ev.status());
        } finally {
            prom.close();
        }
    }
}
