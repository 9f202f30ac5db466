package dev.forewarn.store;

import dev.forewarn.store.ChunkCodec.Points;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw points of the store: the {@code head} table (one row a point, for cheap appends) and
 * the {@code chunk} table (one compact blob per series per {@link #SPAN_MILLIS} window). A point
 * lives in the head until it is folded into its window's chunk; where a time is in both, the
 * head wins (it was written later). Every method runs inside the caller's transaction.
 */
final class ChunkTable {

    /** Width of a chunk window: 4 hours, aligned to the epoch, so each hour lies in one window. */
    static final long SPAN_MILLIS = 4 * HourAgg.HOUR_MILLIS;

    static final Points EMPTY = new Points(new long[0], new double[0]);

    private final Connection c;

    ChunkTable(Connection c) {
        this.c = c;
    }

    static long window(long timeMillis) {
        return Math.floorDiv(timeMillis, SPAN_MILLIS);
    }

    /** Raw points of a series with {@code from <= t < toExclusive}: chunks overlaid by the head. */
    Points read(long seriesId, long from, long toExclusive, BlobCheck check) throws SQLException {
        Points chunks = readChunks(seriesId, window(from), window(toExclusive - 1), check);
        Points head = readHead(seriesId, from, toExclusive);
        return clip(overlay(chunks, head), from, toExclusive);
    }

    private Points readChunks(long seriesId, long wFrom, long wTo, BlobCheck check) throws SQLException {
        List<Points> parts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT w, data FROM chunk WHERE series_id = ? AND w >= ? AND w <= ? ORDER BY w")) {
            ps.setLong(1, seriesId);
            ps.setLong(2, wFrom);
            ps.setLong(3, wTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long w = rs.getLong(1);
                    parts.add(check.decode(seriesId, w, rs.getBytes(2)));
                }
            }
        }
        return concat(parts);
    }

    private Points readHead(long seriesId, long from, long toExclusive) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t, v FROM head WHERE series_id = ? AND t >= ? AND t < ? ORDER BY t")) {
            ps.setLong(1, seriesId);
            ps.setLong(2, from);
            ps.setLong(3, toExclusive);
            return collect(ps);
        }
    }

    /**
     * Writes new points of one series into their chunks, merged with what the chunks and the
     * head already hold for those windows; the new points win on equal times. Points must be
     * sorted with unique times.
     */
    long merge(long seriesId, long[] times, double[] values, BlobCheck check) throws SQLException {
        int i = 0;
        long written = 0;
        try (PreparedStatement get = c.prepareStatement("SELECT data FROM chunk WHERE series_id = ? AND w = ?");
             PreparedStatement head = c.prepareStatement(
                     "SELECT t, v FROM head WHERE series_id = ? AND t >= ? AND t < ? ORDER BY t");
             PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO chunk (series_id, w, n, data) VALUES (?, ?, ?, ?)");
             PreparedStatement drop = c.prepareStatement("DELETE FROM head WHERE series_id = ? AND t >= ? AND t < ?")) {
            while (i < times.length) {
                long w = window(times[i]);
                int j = i;
                while (j < times.length && window(times[j]) == w) {
                    j++;
                }
                long start = w * SPAN_MILLIS;
                Points existing = EMPTY;
                get.setLong(1, seriesId);
                get.setLong(2, w);
                try (ResultSet rs = get.executeQuery()) {
                    if (rs.next()) {
                        existing = check.decode(seriesId, w, rs.getBytes(1));
                    }
                }
                head.setLong(1, seriesId);
                head.setLong(2, start);
                head.setLong(3, start + SPAN_MILLIS);
                Points pending = collect(head);
                Points fresh = new Points(Arrays.copyOfRange(times, i, j), Arrays.copyOfRange(values, i, j));
                Points all = overlay(overlay(existing, pending), fresh);
                put.setLong(1, seriesId);
                put.setLong(2, w);
                put.setInt(3, all.size());
                put.setBytes(4, ChunkCodec.encode(start, all.timesMillis(), all.values(), 0, all.size()));
                put.executeUpdate();
                if (pending.size() > 0) {
                    drop.setLong(1, seriesId);
                    drop.setLong(2, start);
                    drop.setLong(3, start + SPAN_MILLIS);
                    drop.executeUpdate();
                }
                written += j - i;
                i = j;
            }
        }
        return written;
    }

    /** Folds every head point older than {@code beforeMillis} into its chunk; returns how many. */
    long fold(long beforeMillis, BlobCheck check) throws SQLException {
        Map<Long, List<Long>> windows = new LinkedHashMap<>();
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT series_id, t FROM head WHERE t < ? ORDER BY series_id, t")) {
            ps.setLong(1, beforeMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    long w = window(rs.getLong(2));
                    List<Long> ws = windows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (ws.isEmpty() || ws.get(ws.size() - 1) != w) {
                        ws.add(w);
                    }
                }
            }
        }
        for (Map.Entry<Long, List<Long>> e : windows.entrySet()) {
            for (long w : e.getValue()) {
                // Merging nothing new still pulls the window's head points into the chunk.
                mergeHeadOnly(e.getKey(), w, check);
            }
        }
        return count;
    }

    private void mergeHeadOnly(long seriesId, long w, BlobCheck check) throws SQLException {
        long start = w * SPAN_MILLIS;
        Points pending;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT t, v FROM head WHERE series_id = ? AND t >= ? AND t < ? ORDER BY t")) {
            head.setLong(1, seriesId);
            head.setLong(2, start);
            head.setLong(3, start + SPAN_MILLIS);
            pending = collect(head);
        }
        if (pending.size() > 0) {
            merge(seriesId, pending.timesMillis(), pending.values(), check);
        }
    }

    /** Reads (t, v) rows into points; SQLite keeps NaN as NULL, so NULL reads back as NaN. */
    static Points collect(PreparedStatement ps) throws SQLException {
        long[] t = new long[16];
        double[] v = new double[16];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    v = Arrays.copyOf(v, n * 2);
                }
                t[n] = rs.getLong(1);
                double d = rs.getDouble(2);
                v[n] = rs.wasNull() ? Double.NaN : d;
                n++;
            }
        }
        return new Points(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    /** Points of {@code base} and {@code top} in time order; {@code top} wins on equal times. */
    static Points overlay(Points base, Points top) {
        if (top.size() == 0) {
            return base;
        }
        if (base.size() == 0) {
            return top;
        }
        long[] t = new long[base.size() + top.size()];
        double[] v = new double[t.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < base.size() || j < top.size()) {
            if (j >= top.size() || (i < base.size() && base.timesMillis()[i] < top.timesMillis()[j])) {
                t[n] = base.timesMillis()[i];
                v[n++] = base.values()[i++];
            } else {
                if (i < base.size() && base.timesMillis()[i] == top.timesMillis()[j]) {
                    i++;
                }
                t[n] = top.timesMillis()[j];
                v[n++] = top.values()[j++];
            }
        }
        return new Points(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    static Points concat(List<Points> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = parts.stream().mapToInt(Points::size).sum();
        long[] t = new long[total];
        double[] v = new double[total];
        int n = 0;
        for (Points p : parts) {
            System.arraycopy(p.timesMillis(), 0, t, n, p.size());
            System.arraycopy(p.values(), 0, v, n, p.size());
            n += p.size();
        }
        return new Points(t, v);
    }

    static Points clip(Points p, long from, long toExclusive) {
        long[] t = p.timesMillis();
        int lo = 0;
        while (lo < t.length && t[lo] < from) {
            lo++;
        }
        int hi = t.length;
        while (hi > lo && t[hi - 1] >= toExclusive) {
            hi--;
        }
        if (lo == 0 && hi == t.length) {
            return p;
        }
        return new Points(Arrays.copyOfRange(t, lo, hi), Arrays.copyOfRange(p.values(), lo, hi));
    }

    /** Decodes a chunk blob, turning damage into a store error that names the file. */
    @FunctionalInterface
    interface BlobCheck {
        Points decode(long seriesId, long window, byte[] blob);
    }
}
