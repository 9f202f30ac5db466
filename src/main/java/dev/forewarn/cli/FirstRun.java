package dev.forewarn.cli;

import dev.forewarn.rules.Evaluation;
import dev.forewarn.rules.Rule;
import dev.forewarn.rules.RuleEvaluator;
import dev.forewarn.rules.RuleSet;
import dev.forewarn.sampling.CollectorContext;
import dev.forewarn.sampling.CollectorRegistry;
import dev.forewarn.sampling.Sampler;
import dev.forewarn.sampling.SamplingOptions;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import java.time.Duration;
import java.util.List;

/**
 * A newcomer's first {@code check}, on an empty store: takes {@link #SAMPLES} samples
 * {@link #INTERVAL_MILLIS} apart (two at least, so counters give a rate), stores them, judges
 * present values at once (no trend, no flapping guard), and says how much history trend verdicts
 * need and how to schedule sampling. The exit code then reflects present values only.
 */
final class FirstRun {

    static final int SAMPLES = 3;
    static final long INTERVAL_MILLIS = 1_000;

    private FirstRun() {
    }

    static Evaluation burst(SampleStore db, RuleSet rules, RuleEvaluator evaluator, List<String> notes) {
        CollectorRegistry registry = CollectorRegistry.builtIn();
        Sampler sampler = registry.sampler(registry.select(List.of(), List.of(), List.of()), CollectorContext.system(SamplingOptions.defaults()));
        long last = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (i > 0) {
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            last = System.currentTimeMillis();
            db.append(last, sampler.sample());
        }
        Evaluation ev = evaluator.evaluate(rules.rules(), db, last, false, null);
        long minSpan = Long.MAX_VALUE;
        long maxSpan = 0;
        for (Rule r : rules.rules()) {
            if (r.threshold() != null) {
                // No rule gets a trend verdict before the engine's own minimum, whatever its evidence says.
                long span = Math.max(r.evidence().spanMillis(), dev.forewarn.forecast.ForecastEngine.MIN_SPAN_MILLIS);
                minSpan = Math.min(minSpan, span);
                maxSpan = Math.max(maxSpan, span);
            }
        }
        notes.add("first run: the store " + db.file() + " was empty, so forewarn took " + SAMPLES
                + " samples now and judged present values only; the exit code reflects those alone");
        if (maxSpan > 0) {
            notes.add("trend verdicts (\"fills on ...\") need history: at least " + Times.human(Duration.ofMillis(minSpan))
                    + " of samples for most rules, up to " + Times.human(Duration.ofMillis(maxSpan))
                    + " for slow ones (temperature, battery, NVMe wear)");
        }
        notes.add("schedule sampling every 5 minutes: 'scripts/install' sets up a systemd timer (or '--cron' a crontab line:"
                + " */5 * * * * forewarn sample --store " + db.file() + ")");
        return ev;
    }
}
