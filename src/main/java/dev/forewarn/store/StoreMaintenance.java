package dev.forewarn.store;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.store.ChunkCodec.Points;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The bookkeeping behind {@code store info|check|vacuum}, kept apart from the read and write paths. */
final class StoreMaintenance {

    private static final int MAX_PROBLEMS = 20;

    private StoreMaintenance() {
    }

    static StoreInfo info(SampleStore s) {
        return s.inReadTransaction("reading its summary", c -> {
            int version;
            int series;
            long raw;
            long head;
            long hours;
            long rolled;
            Long first = null;
            Long last = null;
            try (Statement st = c.createStatement()) {
                version = longOf(st, "PRAGMA user_version").intValue();
                series = longOf(st, "SELECT count(*) FROM series").intValue();
                head = longOf(st, "SELECT count(*) FROM head");
                raw = longOf(st, "SELECT coalesce(sum(n), 0) FROM chunk") + head;
                hours = longOf(st, "SELECT count(*) FROM rollup");
                rolled = longOf(st, "SELECT coalesce(sum(n), 0) FROM rollup");
                Long firstHour = longOf(st, "SELECT min(h) FROM rollup");
                if (firstHour != null) {
                    first = firstHour * HourAgg.HOUR_MILLIS;
                }
                first = min(first, longOf(st, "SELECT min(t) FROM head"));
                last = max(last, longOf(st, "SELECT max(t) FROM head"));
                Long lastHour = longOf(st, "SELECT max(last_t) FROM rollup");
                last = max(last, lastHour);
                try (ResultSet rs = st.executeQuery("SELECT series_id, w, data FROM chunk"
                        + " WHERE w = (SELECT min(w) FROM chunk) OR w = (SELECT max(w) FROM chunk)")) {
                    while (rs.next()) {
                        Points p = s.blobCheck().decode(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
                        first = min(first, p.timesMillis()[0]);
                        last = max(last, p.timesMillis()[p.size() - 1]);
                    }
                }
            }
            return new StoreInfo(s.file(), s.sizeBytes(), version, series, raw, head, hours, rolled, first, last);
        });
    }

    static List<SeriesSummary> summaries(SampleStore s, List<SeriesKey> keys) {
        return s.inReadTransaction("summarising its series", c -> {
            List<SeriesSummary> out = new ArrayList<>();
            for (SeriesKey key : keys) {
                Long id = s.lookupId(c, key.toString());
                if (id != null) {
                    out.add(summary(s, c, key, id));
                }
            }
            return out;
        });
    }

    private static SeriesSummary summary(SampleStore s, Connection c, SeriesKey key, long id) throws SQLException {
        long raw = 0;
        long hours = 0;
        Long first = null;
        Long last = null;
        double lastValue = Double.NaN;
        try (var ps = c.prepareStatement("SELECT count(*), min(h), max(h) FROM rollup WHERE series_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    hours = rs.getLong(1);
                    first = rs.getLong(2) * HourAgg.HOUR_MILLIS + HourAgg.HOUR_MILLIS / 2;
                    last = rs.getLong(3) * HourAgg.HOUR_MILLIS + HourAgg.HOUR_MILLIS / 2;
                    try (var v = c.prepareStatement("SELECT avg FROM rollup WHERE series_id = ? AND h = ?")) {
                        v.setLong(1, id);
                        v.setLong(2, rs.getLong(3));
                        try (ResultSet vr = v.executeQuery()) {
                            lastValue = vr.next() ? vr.getDouble(1) : Double.NaN;
                        }
                    }
                }
            }
        }
        try (var ps = c.prepareStatement("SELECT w, n, data FROM chunk WHERE series_id = ? AND"
                + " (w = (SELECT min(w) FROM chunk WHERE series_id = ?) OR w = (SELECT max(w) FROM chunk WHERE series_id = ?))")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            ps.setLong(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Points p = s.blobCheck().decode(id, rs.getLong(1), rs.getBytes(3));
                    first = min(first, p.timesMillis()[0]);
                    long t = p.timesMillis()[p.size() - 1];
                    if (last == null || t > last) {
                        last = t;
                        lastValue = p.values()[p.size() - 1];
                    }
                }
            }
        }
        try (var ps = c.prepareStatement("SELECT coalesce(sum(n), 0) FROM chunk WHERE series_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                raw += rs.next() ? rs.getLong(1) : 0;
            }
        }
        try (var ps = c.prepareStatement("SELECT count(*), min(t) FROM head WHERE series_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    raw += rs.getLong(1);
                    first = min(first, rs.getLong(2));
                }
            }
        }
        try (var ps = c.prepareStatement("SELECT t, v FROM head WHERE series_id = ? ORDER BY t DESC LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && (last == null || rs.getLong(1) >= last)) {
                    last = rs.getLong(1);
                    double v = rs.getDouble(2);
                    lastValue = rs.wasNull() ? Double.NaN : v;
                }
            }
        }
        return new SeriesSummary(key, raw, hours, first, last, lastValue);
    }

    static CheckReport check(SampleStore s) {
        return s.inReadTransaction("checking it", c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check(" + MAX_PROBLEMS + ")")) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        if (!"ok".equals(line)) {
                            problems.add("sqlite: " + line);
                        }
                    }
                }
                long version = longOf(st, "PRAGMA user_version");
                if (version != Migrations.latest()) {
                    problems.add("schema version " + version + ", expected " + Migrations.latest());
                }
                for (String table : List.of("head", "chunk", "rollup")) {
                    long orphans = longOf(st, "SELECT count(*) FROM " + table
                            + " WHERE series_id NOT IN (SELECT id FROM series)");
                    if (orphans > 0) {
                        problems.add(orphans + " rows of " + table + " belong to no series");
                    }
                }
                long badRollups = longOf(st, "SELECT count(*) FROM rollup WHERE n <= 0 OR min > max"
                        + " OR avg < min - 1e-9 * abs(min) OR avg > max + 1e-9 * abs(max) OR last < min OR last > max");
                if (badRollups > 0) {
                    problems.add(badRollups + " hourly roll-ups are inconsistent (min, max, avg, last or count)");
                }
                try (ResultSet rs = st.executeQuery("SELECT name, key FROM series")) {
                    while (rs.next() && problems.size() < MAX_PROBLEMS) {
                        try {
                            SeriesKey k = SeriesKey.parse(rs.getString(2));
                            if (!k.name().equals(rs.getString(1))) {
                                problems.add("series " + rs.getString(2) + " is filed under the name " + rs.getString(1));
                            }
                        } catch (IllegalArgumentException e) {
                            problems.add("series key does not parse: " + rs.getString(2));
                        }
                    }
                }
            }
            long chunks = checkChunks(c, problems);
            return new CheckReport(chunks, problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        });
    }

    private static long checkChunks(Connection c, List<String> problems) throws SQLException {
        long count = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT series_id, w, n, data FROM chunk")) {
            while (rs.next()) {
                count++;
                long id = rs.getLong(1);
                long w = rs.getLong(2);
                long start = w * ChunkTable.SPAN_MILLIS;
                String where = "chunk of series " + id + " at window " + w;
                try {
                    Points p = ChunkCodec.decode(start, rs.getBytes(4));
                    if (p.size() != rs.getLong(3)) {
                        problems.add(where + " holds " + p.size() + " points, its row says " + rs.getLong(3));
                    }
                    long[] t = p.timesMillis();
                    for (int i = 0; i < t.length; i++) {
                        if (t[i] < start || t[i] >= start + ChunkTable.SPAN_MILLIS || (i > 0 && t[i] <= t[i - 1])) {
                            problems.add(where + " has a point out of order or outside its window");
                            break;
                        }
                    }
                } catch (IllegalStateException | IndexOutOfBoundsException e) {
                    problems.add(where + " does not decode: " + e.getMessage());
                }
            }
        }
        return count;
    }

    static VacuumResult vacuum(SampleStore s, long nowMillis, Runnable afterEachStep) {
        long before = s.sizeBytes();
        long[] counts = s.inWriteTransaction("applying retention", c -> {
            long folded = s.chunks().fold(Long.MAX_VALUE, s.blobCheck());
            afterEachStep.run();
            Retention.Result r = Retention.apply(c, s.chunks(), nowMillis, s.retention(c), s.blobCheck(), true);
            afterEachStep.run();
            long removed;
            try (Statement st = c.createStatement()) {
                removed = st.executeUpdate("DELETE FROM series WHERE id NOT IN (SELECT series_id FROM chunk)"
                        + " AND id NOT IN (SELECT series_id FROM head) AND id NOT IN (SELECT series_id FROM rollup)");
                if (removed > 0) {
                    // Tells other open stores that cached series ids may be stale.
                    st.executeUpdate("INSERT INTO meta (key, value) VALUES ('series_gen', 1)"
                            + " ON CONFLICT (key) DO UPDATE SET value = value + 1");
                }
            }
            return new long[] {folded, r.retiredPoints(), r.rolledHours(), r.droppedRollups(), r.droppedPoints(), removed};
        });
        s.forgetIds();
        try (Statement st = s.connection().createStatement()) {
            st.execute("VACUUM");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw StoreErrors.map(s.file(), e, "compacting it (VACUUM needs free space about the size of the store)");
        }
        afterEachStep.run();
        return new VacuumResult(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], before, s.sizeBytes());
    }

    private static Long longOf(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private static Long min(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Long.valueOf(Math.min(a, b));
    }

    private static Long max(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Long.valueOf(Math.max(a, b));
    }
}
