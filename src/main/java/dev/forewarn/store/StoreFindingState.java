package dev.forewarn.store;

import dev.forewarn.rules.FindingState;
import dev.forewarn.rules.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FindingState} (the port the rules layer defines: the store knows rules only through it
 * and its {@link Severity}) kept in the store's {@code finding_state} and {@code finding_history}
 * tables (schema migration 2), so the flapping guard and the "resolved" notices work across
 * check runs and the report can show the track record. Reads every entry once when loaded and
 * writes all changes in one transaction on {@link #flush()}: a check over hundreds of series
 * costs two statements, not hundreds. Times are epoch milliseconds.
 */
public final class StoreFindingState implements FindingState {

    private final SampleStore store;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, String[]> dirty = new LinkedHashMap<>();
    private final List<Object[]> raisedRows = new ArrayList<>();
    private final List<Object[]> resolvedRows = new ArrayList<>();

    private StoreFindingState(SampleStore store) {
        this.store = store;
    }

    /** The state kept in a store, read now. */
    public static StoreFindingState load(SampleStore store) {
        StoreFindingState s = new StoreFindingState(store);
        store.inReadTransaction("reading the findings' state", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rule, series, pending, count, since_t, raised, raised_t, updated_t FROM finding_state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.entries.put(id(rs.getString(1), rs.getString(2)), new Entry(Severity.valueOf(rs.getString(3)), rs.getInt(4),
                            rs.getLong(5), Severity.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8)));
                }
            }
            return null;
        });
        return s;
    }

    private static String id(String rule, String series) {
        return rule + "\u0000" + series;
    }

    @Override
    public Entry get(String ruleId, String series) {
        return entries.getOrDefault(id(ruleId, series), Entry.NONE);
    }

    @Override
    public void put(String ruleId, String series, Entry entry) {
        String k = id(ruleId, series);
        entries.put(k, entry);
        dirty.put(k, new String[] {ruleId, series});
    }

    @Override
    public void keep(Raised r) {
        raisedRows.add(new Object[] {r.ruleId(), r.series(), r.severity().name(), r.raisedMillis(), r.value(),
                r.threshold(), r.etaMillis(), r.etaLowMillis(), r.etaHighMillis(), r.message()});
    }

    @Override
    public void resolved(String ruleId, String series, long atMillis) {
        resolvedRows.add(new Object[] {atMillis, ruleId, series});
    }

    /** Writes every change since loading in one transaction. */
    public void flush() {
        if (dirty.isEmpty() && raisedRows.isEmpty() && resolvedRows.isEmpty()) {
            return;
        }
        store.inWriteTransaction("keeping the findings' state", c -> {
            write(c);
            return null;
        });
        dirty.clear();
        raisedRows.clear();
        resolvedRows.clear();
    }

    private void write(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO finding_state"
                + " (rule, series, pending, count, since_t, raised, raised_t, updated_t) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<String, String[]> d : dirty.entrySet()) {
                Entry e = entries.get(d.getKey());
                ps.setString(1, d.getValue()[0]);
                ps.setString(2, d.getValue()[1]);
                ps.setString(3, e.pending().name());
                ps.setInt(4, e.count());
                ps.setLong(5, e.sinceMillis());
                ps.setString(6, e.raised().name());
                ps.setLong(7, e.raisedMillis());
                ps.setLong(8, e.updatedMillis());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // Resolve before inserting: a finding raised again in the same run must stay open.
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE finding_history SET resolved_t = ? WHERE rule = ? AND series = ? AND resolved_t IS NULL")) {
            for (Object[] r : resolvedRows) {
                ps.setLong(1, (Long) r[0]);
                ps.setString(2, (String) r[1]);
                ps.setString(3, (String) r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_history (rule, series, severity, raised_t,"
                + " value, threshold, eta_t, eta_low_t, eta_high_t, message) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Object[] r : raisedRows) {
                for (int i = 0; i < r.length; i++) {
                    if (r[i] == null) {
                        ps.setNull(i + 1, i == 4 || i == 5 ? Types.REAL : Types.INTEGER);
                    } else {
                        ps.setObject(i + 1, r[i]);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<Raised> history() {
        return store.inReadTransaction("reading the findings' history", c -> {
            List<Raised> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rule, series, severity, raised_t, resolved_t, value, threshold,"
                    + " eta_t, eta_low_t, eta_high_t, message FROM finding_history ORDER BY raised_t, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Raised(rs.getString(1), rs.getString(2), Severity.valueOf(rs.getString(3)), rs.getLong(4),
                            longOrNull(rs, 5), doubleOrNull(rs, 6), doubleOrNull(rs, 7), longOrNull(rs, 8), longOrNull(rs, 9),
                            longOrNull(rs, 10), rs.getString(11)));
                }
            }
            return out;
        });
    }

    private static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
