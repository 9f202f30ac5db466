package dev.forewarn.cli.shell;

import dev.forewarn.forecast.ForecastRequest;
import dev.forewarn.forecast.Forecaster;
import dev.forewarn.forecast.Projection;
import dev.forewarn.rules.Rule;
import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.SeriesSource;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exhaustion dates for {@code top}, computed off the drawing path: a daemon thread with its
 * own read-only store projects every target once at start and then every {@code everyMillis},
 * and the screen reads whatever is cached. A forecast costs milliseconds to tens of
 * milliseconds per series, far too much for every frame, and dates do not change in seconds.
 */
final class TopForecasts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopForecasts.class);
    /** History a forecast reads: the engine looks back this far for level shifts and cycles. */
    static final long LOOKBACK_MILLIS = dev.forewarn.forecast.ForecastEngine.HISTORY_MILLIS;

    private final Map<SeriesKey, Projection> cache = new ConcurrentHashMap<>();
    private final Thread thread;

    private TopForecasts(Thread thread) {
        this.thread = thread;
    }

    /** Starts the background forecaster over the store at {@code storePath}, toward the rules' thresholds. */
    static TopForecasts start(Path storePath, List<Rule> rules, Forecaster forecaster, long everyMillis, ZoneId zone) {
        TopForecasts[] self = new TopForecasts[1];
        Thread t = new Thread(() -> self[0].loop(storePath, rules, forecaster, everyMillis, zone), "forewarn-top-forecast");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        self[0] = new TopForecasts(t);
        t.start();
        return self[0];
    }

    /** The projections known so far; a key without one is still pending. */
    Map<SeriesKey, Projection> current() {
        return cache;
    }

    private void loop(Path storePath, List<Rule> rules, Forecaster forecaster, long everyMillis, ZoneId zone) {
        try (SampleStore store = SampleStore.openReadOnly(storePath)) {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.currentTimeMillis();
                cache.putAll(projectAll(store, rules, forecaster, now, zone));
                Thread.sleep(everyMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("top: forecasts stopped: {}", e.getMessage());
            LOG.debug("top forecast failure", e);
        }
    }

    /** Projects every target of the built-in rules in {@code source} at {@code nowMillis}, in this thread. */
    static Map<SeriesKey, Projection> projectAll(SeriesSource source, Forecaster forecaster, long nowMillis, ZoneId zone) {
        return projectAll(source, TopData.builtInRules(), forecaster, nowMillis, zone);
    }

    /** Projects every target of {@code rules} in {@code source} at {@code nowMillis}, in this thread. */
    static Map<SeriesKey, Projection> projectAll(SeriesSource source, List<Rule> rules, Forecaster forecaster, long nowMillis, ZoneId zone) {
        Map<SeriesKey, Projection> out = new ConcurrentHashMap<>();
        TopData data = new TopData(source, 0, "", zone, rules);
        for (TopData.Target t : data.targets(nowMillis)) {
            Series s = source.read(t.key(), nowMillis - LOOKBACK_MILLIS, nowMillis);
            try {
                out.put(t.key(), forecaster.project(s, new ForecastRequest(t.threshold(), t.direction(), nowMillis,
                        t.confidence(), ForecastRequest.DEFAULT_HORIZON_MILLIS)));
            } catch (RuntimeException e) {
                LOG.debug("top: no forecast for {}", t.key(), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
