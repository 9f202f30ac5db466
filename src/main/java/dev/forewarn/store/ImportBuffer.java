package dev.forewarn.store;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects imported points per series in primitive arrays (a million points stay a few tens of
 * megabytes), then sorts each series by time; of several points at one time the last read wins.
 * Given a sink, it hands the points over in batches of {@link #BATCH_POINTS} as they come, so an
 * import of any size needs no more memory than one batch.
 */
final class ImportBuffer {

    private static final class Column {
        long[] t = new long[64];
        double[] v = new double[64];
        int n;

        void add(long time, double value) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            t[n] = time;
            v[n++] = value;
        }
    }

    /** Points held before they go to the sink: 4 MiB of arrays. */
    static final int BATCH_POINTS = 1 << 18;

    private final Map<SeriesKey, Column> columns = new LinkedHashMap<>();
    // Parsers hand the same key instance line after line; identity spares hashing its labels each time.
    private final Map<SeriesKey, Column> byIdentity = new IdentityHashMap<>();
    private long points;
    private int pending;
    private final Consumer<List<Series>> sink;

    /** A buffer that keeps every point until {@link #toSeries}. */
    ImportBuffer() {
        this(null);
    }

    /** A buffer that hands full batches to {@code sink} (null: keeps everything). */
    ImportBuffer(Consumer<List<Series>> sink) {
        this.sink = sink;
    }

    /** The sink this buffer hands its batches to, or null. */
    Consumer<List<Series>> sink() {
        return sink;
    }

    void add(SeriesKey key, long timeMillis, double value) {
        if (sink != null && pending >= BATCH_POINTS) {
            flush();
        }
        Column c = byIdentity.get(key);
        if (c == null) {
            c = columns.computeIfAbsent(key, k -> new Column());
            byIdentity.put(key, c);
        }
        c.add(timeMillis, value);
        points++;
        pending++;
    }

    /** Hands what is held to the sink and forgets it. */
    void flush() {
        if (pending > 0) {
            List<Series> batch = toSeries();
            columns.clear();
            byIdentity.clear();
            pending = 0;
            sink.accept(batch);
        }
    }

    /** True when no point was ever added (also none handed to the sink). */
    boolean isEmpty() {
        return points == 0;
    }

    /** Every point added, also those handed to the sink. */
    long points() {
        return points;
    }

    /** The series, sorted by time with unique times. */
    List<Series> toSeries() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<SeriesKey, Column> e : columns.entrySet()) {
            out.add(sorted(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Series sorted(SeriesKey key, Column c) {
        long[] t = Arrays.copyOf(c.t, c.n);
        double[] v = Arrays.copyOf(c.v, c.n);
        boolean strictly = true;
        for (int i = 1; i < t.length && strictly; i++) {
            strictly = t[i] > t[i - 1];
        }
        if (strictly) {
            return new Series(key, t, v);
        }
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: among equal times the line read last stays last, and wins below.
        Arrays.sort(order, Comparator.comparingLong(i -> t[i]));
        long[] st = new long[t.length];
        double[] sv = new double[t.length];
        int n = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (n > 0 && st[n - 1] == t[i]) {
                sv[n - 1] = v[i];
            } else {
                st[n] = t[i];
                sv[n++] = v[i];
            }
        }
        return new Series(key, Arrays.copyOf(st, n), Arrays.copyOf(sv, n));
    }
}
