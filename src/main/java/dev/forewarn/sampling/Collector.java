package dev.forewarn.sampling;

import java.util.List;

/**
 * Reads one family of metrics (filesystems, memory, ...) and hands the values back. A collector
 * never writes the store; {@link Sampler} runs collectors and records whether each one worked.
 * A collector may keep state between calls (previous CPU ticks, kept handles) so that a long
 * {@code collect} loop stays cheap; it is used by one thread at a time.
 */
public interface Collector {

    /** The registry name, e.g. {@code filesystem}; also the {@code collector} label of its health series. */
    String name();

    /**
     * Reads the current values. Returns an empty list when the host has nothing of this family
     * (no battery, no sensors); throws when reading failed.
     *
     * @throws Exception when the family could not be read; the sample goes on without it
     */
    List<Sample> collect() throws Exception;
}
