package dev.forewarn.sampling;

/**
 * What the collectors read beyond their defaults.
 *
 * @param topProcesses     how many processes to list by memory and by open descriptors (default 5)
 * @param includeTmpfs     also sample memory-backed tmpfs mounts (default no)
 * @param cpuWindowMillis  the shortest window of the first CPU busy ratio of a run (default 100 ms)
 */
public record SamplingOptions(int topProcesses, boolean includeTmpfs, long cpuWindowMillis) {

    public SamplingOptions {
        if (topProcesses < 0) {
            throw new IllegalArgumentException("the number of top processes must be 0 or more, not " + topProcesses);
        }
        if (cpuWindowMillis < 0) {
            throw new IllegalArgumentException("the CPU window must be 0 ms or more, not " + cpuWindowMillis);
        }
    }

    /** The defaults: top 5 processes, no tmpfs, 100 ms CPU window. */
    public static SamplingOptions defaults() {
        return new SamplingOptions(5, false, 100);
    }
}
