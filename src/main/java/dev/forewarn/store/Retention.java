package dev.forewarn.store;

import dev.forewarn.store.ChunkCodec.Points;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies retention inside the caller's transaction: raw chunks older than the raw span are
 * rolled up into hourly min/max/avg/last rows and deleted; roll-ups older than the roll-up span
 * are deleted. Ages count back from the newest point in the store, capped at now, as Prometheus
 * does, so importing an old data set keeps its last weeks raw instead of rolling it all up; and
 * a pass that a sample starts moves that reference at most 8 hours (see
 * {@link #SAMPLE_PASS_MAX_ADVANCE_MILLIS}), so a clock that jumps ahead cannot expire history.
 * Whole chunk windows are retired, so every retired hour is rolled up from all its points.
 */
final class Retention {

    /**
     * What one pass did.
     *
     * @param retiredPoints   raw points rolled up and removed
     * @param rolledHours     hourly roll-up rows written or updated
     * @param droppedRollups  roll-up rows removed as older than the roll-up span
     * @param droppedPoints   raw points removed as older than the roll-up span (not rolled up)
     */
    record Result(long retiredPoints, long rolledHours, long droppedRollups, long droppedPoints) {
        static final Result NONE = new Result(0, 0, 0, 0);
    }

    private Retention() {
    }

    /**
     * How far one pass a sample starts may move the retention clock past the previous pass's:
     * two chunk windows (8 h). Such passes come once per window of sample time, so retention
     * catches up at most twice as fast as time passes: a clock that jumps years ahead cannot
     * expire the history in one sample, and a host back from a long downtime catches up in
     * about as long as it was down. {@code store vacuum} catches up at once.
     */
    static final long SAMPLE_PASS_MAX_ADVANCE_MILLIS = 2 * ChunkTable.SPAN_MILLIS;

    /** Meta key of the reference time of the last pass. */
    private static final String REFERENCE = "retention_ref_ms";

    /**
     * Applies retention as of the newest point, capped at {@code nowMillis}, and moved at most
     * {@code maxAdvanceMillis} past the previous pass's reference (never back before it).
     */
    static Result apply(Connection c, ChunkTable chunks, long nowMillis, StoreOptions options,
                        ChunkTable.BlobCheck check, long maxAdvanceMillis) throws SQLException {
        Long newest = newestMillis(c, check);
        if (newest == null) {
            return Result.NONE;
        }
        long ref = reference(c, Math.min(nowMillis, newest), maxAdvanceMillis);
        long rawCutoffW = ChunkTable.window(ref - options.rawRetentionMillis());
        long rollupCutoffH = Math.floorDiv(ref - options.rollupRetentionMillis(), HourAgg.HOUR_MILLIS);
        chunks.fold(rawCutoffW * ChunkTable.SPAN_MILLIS, check);

        long retired = 0;
        long dropped = 0;
        long hours = 0;
        try (PreparedStatement sel = c.prepareStatement("SELECT series_id, w, data FROM chunk WHERE w < ?");
             PreparedStatement getR = c.prepareStatement(
                     "SELECT n, min, max, avg, last, last_t FROM rollup WHERE series_id = ? AND h = ?");
             PreparedStatement putR = c.prepareStatement("INSERT OR REPLACE INTO rollup"
                     + " (series_id, h, n, min, max, avg, last, last_t) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            sel.setLong(1, rawCutoffW);
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long w = rs.getLong(2);
                    Points p = check.decode(id, w, rs.getBytes(3));
                    if ((w + 1) * ChunkTable.SPAN_MILLIS <= rollupCutoffH * HourAgg.HOUR_MILLIS) {
                        dropped += p.size();
                        continue;
                    }
                    retired += p.size();
                    List<HourAgg> aggs = HourAgg.of(p.timesMillis(), p.values(), 0, p.size());
                    for (HourAgg a : aggs) {
                        if (a.hour() < rollupCutoffH) {
                            continue;
                        }
                        HourAgg merged = a;
                        getR.setLong(1, id);
                        getR.setLong(2, a.hour());
                        try (ResultSet old = getR.executeQuery()) {
                            if (old.next()) {
                                merged = a.combine(new HourAgg(a.hour(), old.getLong(1), old.getDouble(2), old.getDouble(3),
                                        old.getDouble(4), old.getDouble(5), old.getLong(6)));
                            }
                        }
                        putR.setLong(1, id);
                        putR.setLong(2, merged.hour());
                        putR.setLong(3, merged.n());
                        putR.setDouble(4, merged.min());
                        putR.setDouble(5, merged.max());
                        putR.setDouble(6, merged.avg());
                        putR.setDouble(7, merged.last());
                        putR.setLong(8, merged.lastMillis());
                        putR.executeUpdate();
                        hours++;
                    }
                }
            }
        }
        long droppedRollups;
        try (PreparedStatement del = c.prepareStatement("DELETE FROM chunk WHERE w < ?");
             PreparedStatement delR = c.prepareStatement("DELETE FROM rollup WHERE h < ?")) {
            del.setLong(1, rawCutoffW);
            del.executeUpdate();
            delR.setLong(1, rollupCutoffH);
            droppedRollups = delR.executeUpdate();
        }
        return new Result(retired, hours, droppedRollups, dropped);
    }

    /** The reference time of this pass, kept for the next one. */
    private static long reference(Connection c, long wanted, long maxAdvanceMillis) throws SQLException {
        Long previous = SampleStore.getMeta(c, REFERENCE);
        long ref = wanted;
        if (previous != null) {
            long limit = previous > Long.MAX_VALUE - maxAdvanceMillis ? Long.MAX_VALUE : previous + maxAdvanceMillis;
            ref = Math.max(previous, Math.min(wanted, limit));
        }
        SampleStore.setMeta(c, REFERENCE, ref);
        return ref;
    }

    /** Time of the newest raw point in the store, or null when it holds none. */
    static Long newestMillis(Connection c, ChunkTable.BlobCheck check) throws SQLException {
        Long newest = null;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT max(t) FROM head")) {
                if (rs.next()) {
                    long t = rs.getLong(1);
                    newest = rs.wasNull() ? null : t;
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT series_id, w, data FROM chunk WHERE w = (SELECT max(w) FROM chunk)")) {
                while (rs.next()) {
                    Points p = check.decode(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
                    long last = p.timesMillis()[p.size() - 1];
                    newest = newest == null ? last : Math.max(newest, last);
                }
            }
        }
        return newest;
    }
}
