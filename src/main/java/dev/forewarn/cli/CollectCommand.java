package dev.forewarn.cli;

import dev.forewarn.sampling.Sampler;
import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import dev.forewarn.store.SampleStore;
import dev.forewarn.store.StoreException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forewarn collect}: samples in a loop in one JVM, at wall-clock multiples of the
 * interval (the first sample at once), keeping the collectors' handles warm between samples.
 *
 * <p>Stopping: SIGTERM and SIGINT ask the loop to stop; a sample in flight is finished and
 * stored, the store is closed, and the command exits 0. A shutdown hook does the same for any
 * other way the JVM shuts down (it waits up to {@value #STOP_WAIT_SECONDS} s for the write).
 * A kill -9 loses at most the sample in flight: each sample is one committed transaction.
 *
 * <p>A sample that cannot be stored (a full disk, a store locked too long) is logged as one
 * warning line and lost; the loop waits longer after each failure in a row (see
 * {@link #backoffMillis}) and samples again, so it resumes by itself when space comes back.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Samples in a loop in one process (cheaper than one 'sample' per minute: the JVM stays warm).",
                "Stops cleanly on SIGTERM/SIGINT, storing the sample in flight."})
public final class CollectCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CollectCommand.class);
    static final int STOP_WAIT_SECONDS = 20;

    @Mixin
    Verbosity verbosity;

    @Mixin
    StoreOption store;

    @Mixin
    CollectorOptions collectors;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s",
            description = "Time between samples: 60s, 5m, 200ms (default: ${DEFAULT-VALUE}; at least 100ms).")
    String interval;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Stop after N samples (default: run until stopped).")
    long count;

    /** Hidden: report the CPU cost per sample on stderr at the end (scripts/bench.d/10-sampling.sh). */
    @Option(names = "--bench", hidden = true)
    boolean bench;

    @Spec
    CommandSpec spec;

    private final Object lock = new Object();
    private volatile boolean stopping;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        long intervalMillis = intervalMillis();
        if (count < 0) {
            throw new UserException("--count must be 0 (no limit) or more, not " + count, ExitCodes.USAGE, null);
        }
        SampleStore first = SampleStore.open(store.path());
        try {
            DemoStoreGuard.refuseSampling(first, store.path());
        } catch (UserException e) {
            first.close();
            throw e;
        }
        Sampler sampler = collectors.sampler();
        StoreHandle s = new StoreHandle(first);
        Thread hook = new Thread(this::stopAndWait, "forewarn-collect-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StopSignals.install(this::requestStop);
        BenchMeter meter = bench ? new BenchMeter() : null;
        try {
            long n = 0;
            int failures = 0;
            long next = System.currentTimeMillis();
            while (!stopping && (count == 0 || n < count)) {
                if (!waitUntil(next)) {
                    break;
                }
                if (meter != null) {
                    meter.begin(n);
                }
                long timeMillis = System.currentTimeMillis();
                Map<SeriesKey, Double> values = sampler.sample();
                n++;
                try {
                    s.get().append(timeMillis, values);
                } catch (StoreException e) {
                    // A full disk, a lock held too long, a store moved away: this sample is lost, the
                    // loop goes on (cron's one-shot 'sample' would simply run again next minute).
                    failures++;
                    long wait = backoffMillis(intervalMillis, failures);
                    LOG.warn("sample {} at {} not stored: {}; trying again in {}", n, Times.iso(timeMillis),
                            e.getMessage(), Times.human(java.time.Duration.ofMillis(wait)));
                    s.reset();
                    next = System.currentTimeMillis() + wait;
                    continue;
                }
                if (failures > 0) {
                    LOG.warn("sample {} stored again, after {} not stored", n, failures);
                    failures = 0;
                }
                if (meter != null) {
                    meter.end(n);
                }
                LOG.info("sample {} stored: {} values", n, values.size());
                // Next multiple of the interval; ticks missed by a slow sample are skipped, not caught up.
                next = (System.currentTimeMillis() / intervalMillis + 1) * intervalMillis;
            }
        } finally {
            s.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running and waits on 'finished', released above
            }
        }
        if (meter != null) {
            meter.report(spec.commandLine().getErr());
        }
        return ExitCodes.SUCCESS;
    }

    /**
     * The wait after the {@code failures}-th failed write in a row: the interval, doubled with
     * each failure, at most ten intervals or 5 minutes (whichever is less, but never less than
     * one interval), so a full disk is retried often enough to resume soon after space comes
     * back without a warning every interval.
     */
    static long backoffMillis(long intervalMillis, int failures) {
        long cap = Math.max(intervalMillis, Math.min(10 * intervalMillis, MAX_BACKOFF_MILLIS));
        long wait = intervalMillis << Math.min(failures - 1, 20);
        return Math.min(cap, wait);
    }

    /** The longest wait between tries at storing when writes fail (5 minutes). */
    static final long MAX_BACKOFF_MILLIS = 5 * 60_000L;

    /** The open store, closed after a failed write and opened again at the next try (its files may have changed). */
    private final class StoreHandle {
        private SampleStore open;

        StoreHandle(SampleStore open) {
            this.open = open;
        }

        SampleStore get() {
            if (open == null) {
                open = SampleStore.open(store.path());
            }
            return open;
        }

        void reset() {
            if (open != null) {
                try {
                    open.close();
                } catch (StoreException ignored) {
                    // closing a store whose disk is full may fail too; the next try opens it afresh
                }
                open = null;
            }
        }

        void close() {
            if (open != null) {
                open.close();
            }
        }
    }

    private long intervalMillis() {
        long millis;
        try {
            millis = Times.parseDurationMillis(interval);
        } catch (IllegalArgumentException e) {
            throw new UserException("--interval: " + e.getMessage(), ExitCodes.USAGE, e);
        }
        if (millis < 100) {
            throw new UserException("--interval must be at least 100ms, not " + interval, ExitCodes.USAGE, null);
        }
        return millis;
    }

    /** Sleeps until the wall clock reaches {@code atMillis}; false when asked to stop meanwhile. */
    private boolean waitUntil(long atMillis) {
        synchronized (lock) {
            long left;
            while (!stopping && (left = atMillis - System.currentTimeMillis()) > 0) {
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopping;
    }

    /** Asks the loop to stop after the sample in flight (signal handlers). */
    void requestStop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }

    /** The shutdown hook: asks the loop to stop and waits until the store is closed. */
    private void stopAndWait() {
        requestStop();
        try {
            if (!finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the sample in flight did not finish within {} s; stopping anyway", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Per-sample CPU: this thread's (ThreadMXBean) and the whole process's, after a warm-up. */
    private static final class BenchMeter {
        private static final int WARMUP = 3;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long threadStart;
        private long threadTotal;
        private long processStart = -1;
        private long processEnd;
        private long measured;
        private final long[] perSample = new long[100_000];

        void begin(long index) {
            if (index == WARMUP) {
                processStart = processCpuNanos();
            }
            threadStart = threads.getCurrentThreadCpuTime();
        }

        void end(long n) {
            long used = threads.getCurrentThreadCpuTime() - threadStart;
            if (n > WARMUP) {
                if (measured < perSample.length) {
                    perSample[(int) measured] = used;
                }
                measured++;
                threadTotal += used;
                processEnd = processCpuNanos();
            }
        }

        /**
         * CPU of this process and of the children it waited for (smartctl), from
         * {@code /proc/self/stat} (USER_HZ = 100); the JVM's own figure where /proc is missing.
         */
        long processCpuNanos() {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command name: state is f[0], so utime, stime, cutime, cstime are f[11..14]
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                return ticks * 10_000_000L;
            } catch (java.io.IOException | RuntimeException e) {
                return os.getProcessCpuTime();
            }
        }

        /** VmHWM of this process in KiB, or 0 where /proc is missing. */
        static long peakRssKb() {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux
            }
            return 0;
        }

        void report(java.io.PrintWriter err) {
            if (measured == 0) {
                err.println("bench: too few samples (more than " + WARMUP + " needed)");
                return;
            }
            long[] sorted = java.util.Arrays.copyOf(perSample, (int) Math.min(measured, perSample.length));
            java.util.Arrays.sort(sorted);
            err.printf("bench\tsamples\t%d%n", measured);
            err.printf("bench\tthread_cpu_ms_median\t%.3f%n", sorted[sorted.length / 2] / 1e6);
            err.printf("bench\tthread_cpu_ms_mean\t%.3f%n", threadTotal / 1e6 / measured);
            err.printf("bench\tprocess_cpu_ms_mean\t%.3f%n", (processEnd - processStart) / 1e6 / measured);
            err.printf("bench\tpeak_rss_mib\t%.1f%n", peakRssKb() / 1024.0);
            err.flush();
        }
    }
}
