package dev.forewarn.cli;

import dev.forewarn.fleet.FleetEvaluation;
import dev.forewarn.fleet.InstanceResult;
import dev.forewarn.forecast.ForecastEngine;
import dev.forewarn.report.Culprit;
import dev.forewarn.report.DemoMarker;
import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Finding;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.rules.Severity;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local store judged as a fleet of one (this host, or the demo's invented host for its store), so {@code serve --store} and
 * {@code export openmetrics --forecasts} hand back the same metrics as a Prometheus-read fleet.
 */
final class StoreFleet {

    private StoreFleet() {
    }

    /** Judges every rule on the store at {@code atMillis}; the store is opened read-only for the time it takes. */
    static FleetEvaluation evaluate(Path store, RuleSet rules, long atMillis, long sinceMillis) {
        if (!Files.exists(store)) {
            throw new UserException("no store at " + store + ": sample first ('forewarn sample'), or read a fleet with --prometheus URL");
        }
        long t0 = System.nanoTime();
        RuleEvaluator evaluator = new RuleEvaluator(new ForecastEngine(), ZoneId.systemDefault());
        try (SampleStore s = SampleStore.openReadOnly(store)) {
            Evaluation ev = evaluator.evaluate(rules.rules(), s, atMillis, true, null);
            Map<SeriesKey, Series> evidence = new HashMap<>();
            for (Finding f : ev.findings()) {
                if (f.severity() != Severity.OK || f.projection().etaMillis() != null) {
                    evidence.put(f.projection().series(), s.read(f.projection().series(), atMillis - sinceMillis, atMillis));
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // the demo's store holds the invented host's history: its metrics carry that host's name, as its report does
            String demo = DemoMarker.hostOf(s);
            InstanceResult host = new InstanceResult(demo != null ? demo : Host.name(), ev.status(), ev.findings(), null, 0, 0, 0, ms, evidence);
            return new FleetEvaluation(atMillis, store.toString(), List.of(host), ms, demo != null);
        }
    }

    /**
     * The process behind a memory finding of the store's host, as its own report names it
     * ({@link Culprit}), or null; the store is opened read-only for each finding that may have
     * one. A store that cannot be read then names none: the page is drawn without it.
     */
    static Function<Finding, String> culprits(Path store, ZoneId zone) {
        return f -> {
            if (!f.projection().series().name().equals("mem.available_bytes")) {
                return null;
            }
            try (SampleStore s = SampleStore.openReadOnly(store)) {
                return Culprit.of(f, s, f.projection().atMillis(), zone);
            } catch (RuntimeException e) {
                return null;
            }
        };
    }
}
