package dev.forewarn.cli.shell;

import dev.forewarn.sampling.Sampler;
import dev.forewarn.store.SampleStore;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data side of {@code top}: a thread that owns the store while {@code top} runs. It
 * publishes a snapshot of what the store holds at once, then every interval takes a sample,
 * appends it, and publishes a fresh snapshot with the cached forecasts. Closing it stops the
 * loop between two samples, so no sample is half written.
 */
final class TopRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopRefresher.class);

    private final Thread thread;
    private volatile boolean stop;

    private TopRefresher(Runnable loop) {
        this.thread = new Thread(loop, "forewarn-top-data");
        thread.setDaemon(true);
    }

    static TopRefresher start(SampleStore store, Sampler sampler, TopData data, TopForecasts forecasts, long intervalMillis,
                              AtomicReference<TopSnapshot> latest) {
        TopRefresher[] self = new TopRefresher[1];
        self[0] = new TopRefresher(() -> self[0].loop(store, sampler, data, forecasts, intervalMillis, latest));
        self[0].thread.start();
        return self[0];
    }

    private void loop(SampleStore store, Sampler sampler, TopData data, TopForecasts forecasts, long intervalMillis,
                      AtomicReference<TopSnapshot> latest) {
        try (store) {
            latest.set(data.snapshot(System.currentTimeMillis(), forecasts.current()));
            long next = System.currentTimeMillis();
            while (!stop) {
                if (sampler != null) {
                    long t = System.currentTimeMillis();
                    var values = sampler.sample();
                    if (stop) {
                        break;
                    }
                    store.append(t, values);
                }
                latest.set(data.snapshot(System.currentTimeMillis(), forecasts.current()));
                next += intervalMillis;
                long wait = next - System.currentTimeMillis();
                if (wait < 0) {
                    next = System.currentTimeMillis(); // fell behind: do not try to catch up in a burst
                } else {
                    synchronized (this) {
                        if (!stop) {
                            wait(wait);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("top: sampling stopped: {}", e.getMessage());
            LOG.debug("top data failure", e);
        }
    }

    /** Stops after the sample in progress and waits (at most 5 s) for the store to be closed. */
    @Override
    public void close() {
        stop = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
