package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void aStoreOfEveryOlderSchemaIsUpgradedWithItsPoints() throws Exception {
        long start = SampleStoreTest.T0;
        long[] t = {start, start + 60_000, start + 120_000};
        double[] v = {1.5, 2.5, Double.NaN};
        for (int version = 1; version < Migrations.latest(); version++) {
            Path file = dir.resolve("v" + version + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                c.setAutoCommit(false);
                // A store as version `version` of forewarn left it: its migrations only, and a chunk of points.
                for (int k = 0; k < version; k++) {
                    for (String sql : Migrations.ALL.get(k).statements()) {
                        try (Statement st = c.createStatement()) {
                            st.execute(sql);
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = " + version);
                    st.execute("INSERT INTO series (id, name, key) VALUES (1, 'fs.avail_bytes', 'fs.avail_bytes{mount=\"/\"}')");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO chunk (series_id, w, n, data) VALUES (1, ?, 3, ?)")) {
                    ps.setLong(1, ChunkTable.window(start));
                    ps.setBytes(2, ChunkCodec.encode(ChunkTable.window(start) * ChunkTable.SPAN_MILLIS, t, v, 0, 3));
                    ps.executeUpdate();
                }
                c.commit();
            }
            try (SampleStore s = SampleStore.open(file)) {
                Series r = s.read(SampleStoreTest.ROOT, Long.MIN_VALUE, Long.MAX_VALUE);
                assertArrayEquals(t, r.timesMillis(), "from version " + version);
                assertEquals(2.5, r.value(1));
                assertTrue(s.check().ok(), s.check().problems().toString());
                assertEquals(Migrations.latest(), s.info().schemaVersion());
            }
        }
    }
}
