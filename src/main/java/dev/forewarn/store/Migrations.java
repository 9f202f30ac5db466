package dev.forewarn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store schema as an ordered list of migrations: migration N (1-based) brings a store
 * from {@code PRAGMA user_version} N-1 to N. To change the schema, append one
 * {@code Migration.of("...")} line; never edit a migration that has shipped.
 */
final class Migrations {

    /** One schema step: SQL statements run in order inside the migration's transaction. */
    record Migration(List<String> statements) {
        static Migration of(String... statements) {
            return new Migration(List.of(statements));
        }
    }

    /** Every migration, in order. Index 0 is version 1. */
    static final List<Migration> ALL = List.of(
            // 1: series, recent points (head), compact chunks of raw points, hourly roll-ups, bookkeeping.
            Migration.of(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                    "CREATE TABLE series (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE)",
                    "CREATE INDEX series_by_name ON series (name)",
                    "CREATE TABLE head (series_id INTEGER NOT NULL, t INTEGER NOT NULL, v REAL,"
                            + " PRIMARY KEY (series_id, t)) WITHOUT ROWID",
                    "CREATE TABLE chunk (series_id INTEGER NOT NULL, w INTEGER NOT NULL, n INTEGER NOT NULL,"
                            + " data BLOB NOT NULL, PRIMARY KEY (series_id, w)) WITHOUT ROWID",
                    "CREATE TABLE rollup (series_id INTEGER NOT NULL, h INTEGER NOT NULL, n INTEGER NOT NULL,"
                            + " min REAL NOT NULL, max REAL NOT NULL, avg REAL NOT NULL, last REAL NOT NULL,"
                            + " last_t INTEGER NOT NULL, PRIMARY KEY (series_id, h)) WITHOUT ROWID"),
            // 2: check's memory between runs (flapping guard, resolved notices) and the history of raised
            //    findings with their predicted dates, for the report's track record (see StoreFindingState).
            Migration.of(
                    "CREATE TABLE finding_state (rule TEXT NOT NULL, series TEXT NOT NULL, pending TEXT NOT NULL,"
                            + " count INTEGER NOT NULL, since_t INTEGER NOT NULL, raised TEXT NOT NULL, raised_t INTEGER NOT NULL,"
                            + " updated_t INTEGER NOT NULL, PRIMARY KEY (rule, series)) WITHOUT ROWID",
                    "CREATE TABLE finding_history (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, series TEXT NOT NULL,"
                            + " severity TEXT NOT NULL, raised_t INTEGER NOT NULL, resolved_t INTEGER, value REAL, threshold REAL,"
                            + " eta_t INTEGER, eta_low_t INTEGER, eta_high_t INTEGER, message TEXT NOT NULL)",
                    "CREATE INDEX finding_history_open ON finding_history (rule, series, resolved_t)"),
            // 3: chunks in a rowid table, whose leaf pages keep blobs of up to ~4 KB in place; a WITHOUT ROWID
            //    table spills everything past ~1 KB into mostly empty overflow pages (measured: 14.2 -> ~6.5 bytes a point).
            Migration.of(
                    "CREATE TABLE chunk_v3 (series_id INTEGER NOT NULL, w INTEGER NOT NULL, n INTEGER NOT NULL,"
                            + " data BLOB NOT NULL, UNIQUE (series_id, w))",
                    "INSERT INTO chunk_v3 (series_id, w, n, data) SELECT series_id, w, n, data FROM chunk",
                    "DROP TABLE chunk",
                    "ALTER TABLE chunk_v3 RENAME TO chunk")
    );

    private Migrations() {
    }

    /** The schema version this build writes. */
    static int latest() {
        return ALL.size();
    }

    /** Runs the migrations after {@code from} on a connection that is inside a write transaction. */
    static void apply(Connection c, int from) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (int v = from; v < ALL.size(); v++) {
                for (String sql : ALL.get(v).statements()) {
                    st.executeUpdate(sql);
                }
                st.executeUpdate("PRAGMA user_version = " + (v + 1));
            }
        }
    }
}
