package dev.forewarn.sampling;

import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fixed set of collectors, one after the other, and gathers one sample of all of them.
 * A collector that throws does not spoil the sample: it adds
 * {@code forewarn.collector.success{collector="name"}} 0 (1 when it worked) and logs one
 * warning line (repeated only when its message changes, so a long {@code collect} loop does
 * not flood the log). Each collector's cost is kept as
 * {@code forewarn.collector.duration_seconds{collector="name"}}, wall-clock seconds.
 *
 * <p>Collectors are built when the sampler is, so state such as the CPU's first tick reading
 * starts early; one that cannot be built fails the same way and is tried again next sample.
 * Keep one sampler for a whole {@code collect} loop: its collectors keep their handles.
 */
public final class Sampler {

    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

    /** A named collector factory; the collector is built once and then kept. */
    public record Slot(String name, Callable<Collector> factory) {

        public Slot {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(factory, "factory");
        }

        /** A slot whose collector comes from {@code factory}. */
        public static Slot lazy(String name, Callable<Collector> factory) {
            return new Slot(name, factory);
        }
    }

    private final List<Slot> slots;
    private final Collector[] collectors;
    private final Throwable[] buildFailures;
    private final String[] lastWarning;

    /** A sampler over these slots, in this order; builds their collectors now. */
    public Sampler(List<Slot> slots) {
        this.slots = List.copyOf(slots);
        this.collectors = new Collector[slots.size()];
        this.buildFailures = new Throwable[slots.size()];
        this.lastWarning = new String[slots.size()];
        for (int i = 0; i < collectors.length; i++) {
            build(i);
        }
    }

    /** A sampler over ready collectors (tests, {@code top}). */
    public static Sampler of(List<Collector> collectors) {
        List<Slot> slots = new ArrayList<>();
        for (Collector c : collectors) {
            slots.add(new Slot(c.name(), () -> c));
        }
        return new Sampler(slots);
    }

    /** The collector names, in the order they run. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Slot s : slots) {
            out.add(s.name());
        }
        return out;
    }

    /**
     * One sample of every collector: series to value, in collector order. Non-finite values
     * are dropped (a store keeps only real numbers); a series that two collectors report keeps
     * the last value.
     */
    public synchronized Map<SeriesKey, Double> sample() {
        Map<SeriesKey, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < collectors.length; i++) {
            String name = slots.get(i).name();
            long start = System.nanoTime();
            boolean ok;
            try {
                if (collectors[i] == null && !build(i)) {
                    throw new BuildFailure(buildFailures[i]);
                }
                for (Sample s : collectors[i].collect()) {
                    if (Double.isFinite(s.value())) {
                        out.put(s.key(), s.value());
                    } else {
                        LOG.debug("collector {} gave a non-finite value for {}; dropped", name, s.key());
                    }
                }
                ok = true;
                lastWarning[i] = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
            } catch (BuildFailure e) {
                ok = false;
                warnOnce(i, name, e.getCause());
            } catch (Exception | LinkageError e) {
                ok = false;
                warnOnce(i, name, e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put(SeriesKey.of("forewarn.collector.success", "collector", name), ok ? 1.0 : 0.0);
            out.put(SeriesKey.of("forewarn.collector.duration_seconds", "collector", name), seconds);
        }
        return out;
    }

    private boolean build(int i) {
        try {
            collectors[i] = slots.get(i).factory().call();
            buildFailures[i] = null;
            return true;
        } catch (Exception | LinkageError e) {
            buildFailures[i] = e;
            return false;
        }
    }

    /** Carries the reason a collector could not be built through {@link #sample()}'s catch. */
    private static final class BuildFailure extends Exception {
        BuildFailure(Throwable cause) {
            super(cause);
        }
    }

    private void warnOnce(int i, String name, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof CollectorUnavailableException) {
            LOG.info("collector {} does not run on this host: {}", name, e.getMessage());
        } else if (message.equals(lastWarning[i])) {
            LOG.debug("collector {} still failing: {}", name, message);
        } else {
            LOG.warn("collector {} failed, its metrics are missing from this sample: {}", name, message);
            lastWarning[i] = message;
        }
        LOG.debug("collector {} failure", name, e);
    }
}
