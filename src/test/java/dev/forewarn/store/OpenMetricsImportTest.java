package dev.forewarn.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenMetricsImportTest {

    static final long FILE_TIME = 1_773_446_400_000L;

    static ParsedInput parse(String text, boolean skipBad) {
        return OpenMetricsImport.parse("in.prom", new BufferedReader(new StringReader(text)), FILE_TIME, skipBad);
    }

    static Series find(List<Series> all, SeriesKey key) {
        return all.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    @Test
    void readsNodeExporterTextWithoutTimestampsAtTheFileTime() {
        ParsedInput p = parse("""
                # HELP node_filesystem_avail_bytes Filesystem space available to non-root users in bytes.
                # TYPE node_filesystem_avail_bytes gauge
                node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.2345678848e+10
                node_filesystem_avail_bytes{device="tmpfs",fstype="tmpfs",mountpoint="/run"} 8.28137472e+08
                # TYPE node_load1 gauge
                node_load1 0.42
                """, false);
        assertEquals(3, p.series().size());
        Series root = find(p.series(), SeriesKey.of("node_filesystem_avail_bytes", "device", "/dev/sda1", "fstype", "ext4", "mountpoint", "/"));
        assertEquals(FILE_TIME, root.firstMillis());
        assertEquals(12_345_678_848.0, root.lastValue());
    }

    @Test
    void readsSecondsAndMillisecondTimestampsExemplarsEscapesAndSkipsCreated() {
        ParsedInput p = parse("""
                # TYPE http_requests counter
                http_requests_total{path="/a \\"b\\"\\\\c\\nd"} 5 1773446400.5 # {trace_id="x"} 1 1773446400
                http_requests_created{path="/a"} 1773000000
                http_requests_total{path="/a \\"b\\"\\\\c\\nd"} 7 1773446460000
                # EOF
                """, false);
        assertEquals(1, p.series().size());
        Series s = p.series().get(0);
        assertEquals("/a \"b\"\\c\nd", s.key().label("path"));
        assertArrayEquals(new long[] {FILE_TIME + 500, FILE_TIME + 60_000}, s.timesMillis());
        assertArrayEquals(new double[] {5, 7}, s.values());
    }

    @Test
    void theHelpLineMapsExportedNamesBackToForewarnNames() {
        ParsedInput p = parse("""
                # HELP forewarn_disk_read_bytes forewarn metric disk.read_bytes_total
                # TYPE forewarn_disk_read_bytes counter
                forewarn_disk_read_bytes_total{disk="sda"} 1024 1773446400
                # HELP forewarn_fs_avail_bytes forewarn metric fs.avail_bytes
                # TYPE forewarn_fs_avail_bytes gauge
                forewarn_fs_avail_bytes{mount="/"} 1 1773446400
                # EOF
                """, false);
        assertEquals(List.of(SeriesKey.of("disk.read_bytes_total", "disk", "sda"), SeriesKey.of("fs.avail_bytes", "mount", "/")),
                p.series().stream().map(Series::key).toList());
    }

    @Test
    void aBadLineNamesFileAndLine() {
        ImportException e = assertThrows(ImportException.class, () -> parse("""
                # TYPE a gauge
                a 1 1773446400
                a{mount="/} 2 1773446460
                """, false));
        assertEquals("in.prom:3: unterminated value of label mount", e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("a 1\n# EOF\nb 2\n", false));
        assertEquals("in.prom:3: text after '# EOF'", e.getMessage());
        e = assertThrows(ImportException.class, () -> parse("a +Inf 1773446400\n", false));
        assertTrue(e.getMessage().startsWith("in.prom:1: value +Inf is infinite"), e.getMessage());
        ParsedInput p = parse("a 1 1773446400\n{x=\"y\"} 2\na 3 1773446460\n", true);
        assertEquals(1, p.skipped());
        assertEquals(2, p.points());
    }
}
