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
 * are deleted. Ages count back from a reference time kept in the store, which follows the newest
 * point, capped at now, as Prometheus does, so importing an old data set keeps its last weeks raw
 * instead of rolling it all up. A clock that jumps ahead must not expire history, so the
 * reference only moves forward through stored history (see {@link #reference}): every pass, a
 * sample's or {@code store vacuum}'s, may move it to the newest point it reaches from the previous
 * reference without crossing a gap of more than {@link #MAX_ADVANCE_MILLIS}, or that much past the
 * previous reference if that is later; it comes back with a clock set back.
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
     * How far one pass may move the retention reference past the previous pass's across a gap in
     * the stored points: two chunk windows (8 h). Points after a longer gap may have been stored
     * with a clock that was wrong (years ahead), so a pass does not believe them at once: passes
     * come once per window of sample time, so the reference crosses such a gap at twice the pace
     * of time (a host back from nine days off catches up in four and a half), and a clock that
     * jumps years ahead expires no more than 8 hours would have, whether a sample or
     * {@code store vacuum} runs the pass. Through continuous history a pass catches up at once.
     */
    static final long MAX_ADVANCE_MILLIS = 2 * ChunkTable.SPAN_MILLIS;

    /** Meta key of the reference time of the last pass. */
    static final String REFERENCE = "retention_ref_ms";

    /**
     * Applies retention as of the reference {@link #reference} gives for {@code nowMillis}.
     *
     * @param vacuum true for {@code store vacuum}'s pass, which may be run again and again at once
     */
    static Result apply(Connection c, ChunkTable chunks, long nowMillis, StoreOptions options,
                        ChunkTable.BlobCheck check, boolean vacuum) throws SQLException {
        Long newest = newestMillis(c, check);
        if (newest == null) {
            return Result.NONE;
        }
        long ref = reference(c, nowMillis, newest, vacuum, check);
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

    /**
     * The reference time of this pass, kept for the next one: the newest point reached from the
     * previous reference (from the oldest point when the store has none yet, as one made by an old
     * forewarn) through windows of stored points no more than {@link #MAX_ADVANCE_MILLIS} apart,
     * or {@link #MAX_ADVANCE_MILLIS} past the previous reference if that is later; never past
     * the newest point or now, so it comes back when a clock that ran ahead is set right.
     * A sample's pass comes once per window of sample time; {@code store vacuum} can be run any
     * number of times at once, so its pass goes no further than {@link #MAX_ADVANCE_MILLIS} past
     * the end of the continuous history (and does not undo what sample passes advanced).
     */
    static long reference(Connection c, long nowMillis, long newestMillis, boolean vacuum, ChunkTable.BlobCheck check)
            throws SQLException {
        Long previous = SampleStore.getMeta(c, REFERENCE);
        long fromW = previous != null ? ChunkTable.window(previous) : oldestWindow(c);
        long reachW = fromW;
        long maxGapW = MAX_ADVANCE_MILLIS / ChunkTable.SPAN_MILLIS;
        for (long w : windowsAfter(c, fromW)) {
            if (w - reachW > maxGapW) {
                break;
            }
            reachW = w;
        }
        long base = previous != null ? previous : fromW * ChunkTable.SPAN_MILLIS;
        long reach = newestUpTo(c, check, (reachW + 1) * ChunkTable.SPAN_MILLIS, base);
        long advance = vacuum ? Math.max(base, reach + MAX_ADVANCE_MILLIS) : Math.max(reach, base + MAX_ADVANCE_MILLIS);
        long ref = Math.min(Math.min(nowMillis, newestMillis), advance);
        SampleStore.setMeta(c, REFERENCE, ref);
        return ref;
    }

    /**
     * Gives a store that has no reference yet the one an import sets: its newest imported point,
     * capped at now. Without it the first pass would start from the oldest point and, where the
     * imported history has gaps, keep more raw points than asked until it caught up.
     */
    static void startReference(Connection c, long nowMillis, long newestImportedMillis) throws SQLException {
        if (SampleStore.getMeta(c, REFERENCE) == null) {
            SampleStore.setMeta(c, REFERENCE, Math.min(nowMillis, newestImportedMillis));
        }
    }

    /** The time of the newest stored point before {@code endMillis}, raw or rolled up; {@code otherwise} when none. */
    private static long newestUpTo(Connection c, ChunkTable.BlobCheck check, long endMillis, long otherwise) throws SQLException {
        long newest = Long.MIN_VALUE;
        try (PreparedStatement head = c.prepareStatement("SELECT max(t) FROM head WHERE t < ?");
             PreparedStatement rollup = c.prepareStatement("SELECT max(last_t) FROM rollup WHERE h < ?");
             PreparedStatement chunk = c.prepareStatement(
                     "SELECT series_id, w, data FROM chunk WHERE w = (SELECT max(w) FROM chunk WHERE w < ?)")) {
            head.setLong(1, endMillis);
            rollup.setLong(1, Math.floorDiv(endMillis, HourAgg.HOUR_MILLIS));
            for (PreparedStatement ps : List.of(head, rollup)) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long t = rs.getLong(1);
                        newest = rs.wasNull() ? newest : Math.max(newest, t);
                    }
                }
            }
            chunk.setLong(1, ChunkTable.window(endMillis));
            try (ResultSet rs = chunk.executeQuery()) {
                while (rs.next()) {
                    Points p = check.decode(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
                    newest = Math.max(newest, p.timesMillis()[p.size() - 1]);
                }
            }
        }
        return newest == Long.MIN_VALUE ? otherwise : newest;
    }

    /** The window of the oldest stored point, raw or rolled up (0 for an empty store). */
    private static long oldestWindow(Connection c) throws SQLException {
        long oldest = Long.MAX_VALUE;
        try (Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT min(w) * " + ChunkTable.SPAN_MILLIS + " FROM chunk",
                    "SELECT min(t) FROM head", "SELECT min(h) * " + HourAgg.HOUR_MILLIS + " FROM rollup")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    if (rs.next()) {
                        long t = rs.getLong(1);
                        if (!rs.wasNull()) {
                            oldest = Math.min(oldest, t);
                        }
                    }
                }
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : ChunkTable.window(oldest);
    }

    /** The chunk windows after {@code fromW} that hold a point, raw or rolled up, ascending. */
    private static long[] windowsAfter(Connection c, long fromW) throws SQLException {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        try (PreparedStatement chunk = c.prepareStatement("SELECT DISTINCT w FROM chunk WHERE w > ?");
             PreparedStatement head = c.prepareStatement("SELECT DISTINCT t FROM head WHERE t >= ?");
             PreparedStatement rollup = c.prepareStatement("SELECT DISTINCT h FROM rollup WHERE h >= ?")) {
            chunk.setLong(1, fromW);
            try (ResultSet rs = chunk.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            head.setLong(1, (fromW + 1) * ChunkTable.SPAN_MILLIS);
            try (ResultSet rs = head.executeQuery()) {
                while (rs.next()) {
                    out.add(ChunkTable.window(rs.getLong(1)));
                }
            }
            rollup.setLong(1, Math.floorDiv((fromW + 1) * ChunkTable.SPAN_MILLIS, HourAgg.HOUR_MILLIS));
            try (ResultSet rs = rollup.executeQuery()) {
                while (rs.next()) {
                    out.add(ChunkTable.window(rs.getLong(1) * HourAgg.HOUR_MILLIS));
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
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
