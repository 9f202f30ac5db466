package dev.forewarn.fleet;

import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.Severity;
import dev.forewarn.rules.Finding;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges every instance of a fleet with the same rules and engine as one host: at most
 * {@code parallel} instances at once, each read, judged and let go before the next, so memory
 * holds {@code parallel} instances' history and every instance's findings, never the fleet's
 * history. An instance that cannot be read is UNKNOWN with the reason; the others are still judged.
 */
public final class FleetEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(FleetEvaluator.class);

    private final FleetReader reader;
    private final RuleEvaluator evaluator;
    private final int parallel;

    /**
     * @param reader    the fleet's history
     * @param evaluator the rule evaluator (the same as for a single host)
     * @param parallel  instances read and judged at once, at least 1
     */
    public FleetEvaluator(FleetReader reader, RuleEvaluator evaluator, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        this.reader = reader;
        this.evaluator = evaluator;
        this.parallel = parallel;
    }

    /**
     * Judges the fleet.
     *
     * @param rules       the rules in force
     * @param atMillis    evaluation time, epoch milliseconds
     * @param sinceMillis history read before it, milliseconds
     * @throws PrometheusException when the server cannot be reached at all, or lists no instance
     */
    public FleetEvaluation evaluate(List<Rule> rules, long atMillis, long sinceMillis) {
        long t0 = System.nanoTime();
        reader.client().version();
        long from = atMillis - sinceMillis;
        List<String> names = reader.instances(from, atMillis);
        List<InstanceResult> results = new ArrayList<>(names.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, names.size())), r -> {
            Thread t = new Thread(r, "fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<InstanceResult>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> judge(name, rules, from, atMillis)));
            }
            for (Future<InstanceResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while judging the fleet", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new FleetEvaluation(atMillis, reader.client().baseUri().toString(), results, (System.nanoTime() - t0) / 1_000_000);
    }

    private InstanceResult judge(String instance, List<Rule> rules, long from, long at) {
        FleetReader.InstanceData data;
        try {
            data = reader.read(instance, from, at);
        } catch (PrometheusException e) {
            LOG.warn("{}: {}", instance, e.getMessage());
            return new InstanceResult(instance, Severity.UNKNOWN, List.of(), e.getMessage(), 0, 0, 0, 0, Map.of());
        }
        long t0 = System.nanoTime();
        Evaluation ev;
        try {
            ev = evaluator.evaluate(rules, data.source(), at, true, null);
        } catch (RuntimeException e) {
            // the evaluator judges each series apart; this is a failure around them, still only this instance's
            LOG.warn("{}: {}", instance, e.toString());
            LOG.debug("instance evaluation failure", e);
            return new InstanceResult(instance, Severity.UNKNOWN, List.of(), "cannot judge: " + e, data.series(), data.points(),
                    data.queryMillis(), 0, Map.of());
        }
        long forecastMillis = (System.nanoTime() - t0) / 1_000_000;
        Map<SeriesKey, Series> evidence = new HashMap<>();
        for (Finding f : ev.findings()) {
            if (f.severity() != Severity.OK || f.projection().etaMillis() != null) {
                SeriesKey k = f.projection().series();
                evidence.put(k, data.source().read(k, from, at));
            }
        }
        return new InstanceResult(instance, ev.status(), ev.findings(), null, data.series(), data.points(),
                data.queryMillis(), forecastMillis, evidence);
    }
}
