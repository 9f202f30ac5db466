package dev.forewarn.sampling;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a costly collector at most once per {@code minIntervalMillis} within one process; the
 * calls in between return nothing, so the store gets sparser points, never repeated or
 * invented ones. For families that change slowly and cost a process per read: SMART through
 * smartctl costs some 20 ms of CPU per call (more per disk), which would double a warm
 * {@code collect} sample, while the attributes it watches move over days. One-shot
 * {@code sample}s, a new process each time, are spaced by {@link CollectorRegistry#due} instead.
 */
public final class ThrottledCollector implements Collector {

    private final Collector inner;
    private final long minIntervalMillis;
    private final LongSupplier clockMillis;
    private long lastReadMillis = Long.MIN_VALUE;

    /** {@code inner}, read at most once per {@code minIntervalMillis} of the monotonic clock. */
    public ThrottledCollector(Collector inner, long minIntervalMillis) {
        this(inner, minIntervalMillis, () -> System.nanoTime() / 1_000_000);
    }

    ThrottledCollector(Collector inner, long minIntervalMillis, LongSupplier clockMillis) {
        this.inner = inner;
        this.minIntervalMillis = minIntervalMillis;
        this.clockMillis = clockMillis;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<Sample> collect() throws Exception {
        long now = clockMillis.getAsLong();
        if (lastReadMillis != Long.MIN_VALUE && now - lastReadMillis < minIntervalMillis) {
            return List.of();
        }
        // Counted as read even when it fails: a failing smartctl is not retried every sample.
        lastReadMillis = now;
        return inner.collect();
    }
}
