package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void importExportImportThroughTheCommandLineGivesIdenticalPoints() throws Exception {
        Path csv = write("h.csv", """
                time,series,value
                2026-03-14T00:00:00.250Z,fs.avail_bytes{mount="/",device="sda1"},107374182400
                2026-03-14T00:01:00Z,fs.avail_bytes{mount="/",device="sda1"},107374100000
                2026-03-14T00:00:00Z,disk.read_bytes_total{disk="sda"},12345
                2026-03-14T00:01:00Z,disk.read_bytes_total{disk="sda"},23456
                2026-03-14T00:01:00Z,cpu.busy_ratio,0.123456789
                """);
        String a = dir.resolve("a.db").toString();
        String b = dir.resolve("b.db").toString();
        CliRun imported = CliRun.of("import", "--store", a, csv.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().startsWith("imported 5 points of 3 series"), imported.out());
        Path om = dir.resolve("export.om");
        CliRun exported = CliRun.of("export", "openmetrics", "--store", a, "-o", om.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals(0, CliRun.of("import", "--store", b, om.toString()).exitCode());
        String first = CliRun.of("show", "--store", a, "--format", "csv", "*{}").out();
        String second = CliRun.of("show", "--store", b, "--format", "csv", "*{}").out();
        assertEquals(first, second);
        assertTrue(first.contains("2026-03-14T00:00:00.250Z,\"fs.avail_bytes{device=\"\"sda1\"\",mount=\"\"/\"\"}\",107374182400"), first);
    }

    @Test
    void oneBadLineImportsNothingAndNamesTheLine() throws Exception {
        Path good = write("good.csv", "1773446400,a.b,1\n");
        Path bad = write("bad.csv", "1773446400,a.b,1\n1773446460,a.b,x\n");
        String store = dir.resolve("s.db").toString();
        CliRun r = CliRun.of("import", "--store", store, good.toString(), bad.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals("error: " + bad + ":2: value 'x' is not a number; nothing was imported (--skip-bad imports the rest)\n", r.err());
        assertFalse(Files.exists(dir.resolve("s.db")), "no store was even created");
    }

    @Test
    void skipBadImportsTheRestAndCountsTheSkippedLines() throws Exception {
        Path bad = write("bad.csv", "time,value\n1773446400,1\n1773446460,x\nnonsense\n1773446520,3\n");
        String store = dir.resolve("s.db").toString();
        CliRun r = CliRun.of("import", "--store", store, "--series", "x.y{a=\"b\"}", "--skip-bad", bad.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("imported 2 points of 1 series"), r.out());
        assertTrue(r.err().startsWith("forewarn: skipped 2 bad lines (first: " + bad + ":3: "), r.err());
    }

    @Test
    void formatIsDetectedFromTheContentWhenTheExtensionSaysNothing() throws Exception {
        Path om = write("metrics.txt", "# TYPE node_load1 gauge\nnode_load1 0.5 1773446400\n");
        Path csv = write("data.txt", "1773446400,cpu.load1,0.5\n");
        String store = dir.resolve("s.db").toString();
        assertEquals(0, CliRun.of("import", "--store", store, om.toString(), csv.toString()).exitCode());
        String list = CliRun.of("show", "--store", store, "--format", "csv").out();
        assertTrue(list.contains("cpu.load1,1,") && list.contains("node_load1,1,"), list);
    }
}
