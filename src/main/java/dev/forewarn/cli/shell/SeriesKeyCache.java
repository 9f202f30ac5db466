package dev.forewarn.cli.shell;

import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series in the store, listed once and kept for completion: Tab must answer at once, and
 * the list only changes when a command runs ({@link #invalidate()}). The first load runs on a
 * background thread so that it never delays the prompt.
 */
final class SeriesKeyCache {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesKeyCache.class);

    private final Supplier<List<SeriesKey>> loader;
    private volatile List<SeriesKey> keys;
    private volatile boolean stale = true;

    SeriesKeyCache(Supplier<List<SeriesKey>> loader) {
        this.loader = loader;
    }

    /** Starts the first load on a daemon thread. */
    void loadInBackground() {
        Thread t = new Thread(this::get, "forewarn-series-keys");
        t.setDaemon(true);
        t.start();
    }

    /** The keys, reloaded first if a command ran since the last load; empty when the store cannot be read. */
    synchronized List<SeriesKey> get() {
        if (stale || keys == null) {
            try {
                keys = List.copyOf(loader.get());
            } catch (RuntimeException e) {
                LOG.debug("cannot list series for completion", e);
                keys = keys == null ? List.of() : keys;
            }
            stale = false;
        }
        return keys;
    }

    /** Marks the list out of date; the next completion reloads it. */
    void invalidate() {
        stale = true;
    }
}
