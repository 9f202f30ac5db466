package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile OpenMetrics file whose HELP line maps a family to a name that is not a metric name
 * ({@code evil{x}): refused with its file and line; and a store that already holds such a series
 * (imported by an older forewarn) stays readable by show, export and check.
 */
class CraftedImportTest {

    @TempDir
    Path dir;

    @Test
    void aHelpLineNamingNoMetricNameIsABadLineWithItsFileAndLine() throws Exception {
        Path om = dir.resolve("evil.prom");
        Files.writeString(om, "# HELP forewarn_evil_x forewarn metric evil{x\nforewarn_evil_x 1 1773446400\n");
        String store = dir.resolve("s.db").toString();
        CliRun r = CliRun.of("import", "--store", store, om.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: " + om + ":1: the HELP line names 'evil{x' as the forewarn metric"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(dir.resolve("s.db")), "nothing was imported");
    }

    @Test
    void aStoreHoldingAnUnreadableSeriesNameIsStillShownExportedAndChecked() throws Exception {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, "1773446400,fs.avail_bytes{mount=\"/\"},5\n1773446460,fs.avail_bytes{mount=\"/\"},6\n");
        String store = dir.resolve("s.db").toString();
        assertEquals(0, CliRun.of("import", "--store", store, csv.toString()).exitCode());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement()) {
            // what an import by an older forewarn stored from '# HELP forewarn_evil_x forewarn metric evil{x'
            st.executeUpdate("INSERT INTO series (name, key) VALUES ('evil{x', 'evil{x')");
            st.executeUpdate("INSERT INTO head (series_id, t, v) VALUES ((SELECT id FROM series WHERE name = 'evil{x'), 1773446400000, 1)");
        }
        CliRun show = CliRun.of("show", "--store", store, "--format", "csv");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("fs.avail_bytes"), show.out());
        CliRun export = CliRun.of("export", "openmetrics", "--store", store, "-o", dir.resolve("out.om").toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.readString(dir.resolve("out.om")).contains("mount=\"/\""));
        CliRun check = CliRun.of("check", "--store", store, "--at", "1773446460");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().startsWith("FOREWARN OK - 1 series judged"), check.out());
    }
}
