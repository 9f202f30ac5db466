package dev.forewarn.cli;

import dev.forewarn.series.Series;
import dev.forewarn.store.ImportResult;
import dev.forewarn.store.SampleStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the importers hand their batches of points: held in memory while the import is small
 * (so a bad line stores nothing and creates no store), and streamed into one write transaction
 * of the store once they pass half a million points, so a single series of ten million points fits the
 * default heap. Either way the import is all or nothing: without {@link #commit}, closing rolls
 * it back.
 */
final class ImportBatches implements Consumer<List<Series>>, AutoCloseable {

    /** Points held (8 MiB) before the store is opened and they are streamed into it. */
    static final long HOLD_POINTS = 1 << 19;

    private final Path storePath;
    private final List<List<Series>> held = new ArrayList<>();
    private long heldPoints;
    private SampleStore store;
    private SampleStore.BatchImport writing;
    private final long futureAfterMillis;
    private long futurePoints;
    private long latestFutureMillis = Long.MIN_VALUE;

    /** @param futureAfterMillis points after this time are counted as lying in the future (epoch ms) */
    ImportBatches(Path storePath, long futureAfterMillis) {
        this.storePath = storePath;
        this.futureAfterMillis = futureAfterMillis;
    }

    @Override
    public void accept(List<Series> batch) {
        countFuture(batch);
        if (writing != null) {
            writing.append(batch);
            return;
        }
        held.add(batch);
        for (Series s : batch) {
            heldPoints += s.size();
        }
        if (heldPoints >= HOLD_POINTS) {
            start();
        }
    }

    private void start() {
        store = SampleStore.open(storePath);
        writing = store.beginImport();
        for (List<Series> b : held) {
            writing.append(b);
        }
        held.clear();
        heldPoints = 0;
    }

    private void countFuture(List<Series> batch) {
        for (Series x : batch) {
            for (int i = x.size() - 1; i >= 0 && x.timeMillis(i) > futureAfterMillis; i--) {
                futurePoints++;
                latestFutureMillis = Math.max(latestFutureMillis, x.timeMillis(i));
            }
        }
    }

    /** Points seen after the future bound given at construction. */
    long futurePoints() {
        return futurePoints;
    }

    /** The latest of those points, epoch milliseconds ({@link Long#MIN_VALUE} when none). */
    long latestFutureMillis() {
        return latestFutureMillis;
    }

    /** Stores what is still held and commits everything. */
    ImportResult commit() {
        if (writing == null) {
            start();
        }
        return writing.commit();
    }

    @Override
    public void close() {
        try {
            if (writing != null) {
                writing.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
