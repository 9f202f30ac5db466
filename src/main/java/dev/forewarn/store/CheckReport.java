package dev.forewarn.store;

import java.util.List;

/**
 * The result of {@link SampleStore#check()}: SQLite's integrity check plus the store's own
 * invariants (chunks decode and match their checksum, window and count; no orphan rows;
 * roll-ups consistent).
 *
 * @param chunks   chunks decoded
 * @param problems one line per problem found; empty when the store is sound
 */
public record CheckReport(long chunks, List<String> problems) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
