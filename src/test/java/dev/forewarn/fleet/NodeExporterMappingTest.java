package dev.forewarn.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NodeExporterMappingTest {

    private static RawSeries raw(String name, double value, String... labels) {
        Map<String, String> m = new TreeMap<>();
        m.put("__name__", name);
        m.put("instance", "web-1:9100");
        m.put("job", "node");
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return new RawSeries(m, new long[] {1000, 2000}, new double[] {value, value});
    }

    @Test
    void mountpointBecomesMountAndInstanceIsTheHostNotALabel() {
        List<Series> s = NodeExporterMapping.map(List.of(
                raw("node_filesystem_avail_bytes", 5, "mountpoint", "/var", "device", "/dev/sda2", "fstype", "ext4")), List.of());
        assertEquals(List.of(SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda2", "fstype", "ext4", "job", "node")),
                s.stream().map(Series::key).toList());
    }

    @Test
    void swapUsedIsTotalMinusFreeAndCoresComeFromTheirQuery() {
        List<Series> s = NodeExporterMapping.map(List.of(raw("node_memory_SwapTotal_bytes", 10), raw("node_memory_SwapFree_bytes", 4)),
                List.of(new RawSeries(Map.of("instance", "web-1:9100", "job", "node"), new long[] {1000}, new double[] {8})));
        Map<String, Series> byName = new TreeMap<>();
        s.forEach(x -> byName.put(x.key().name(), x));
        assertEquals(List.of("cpu.cores", "swap.total_bytes", "swap.used_bytes"), List.copyOf(byName.keySet()));
        assertArrayEquals(new double[] {6, 6}, byName.get("swap.used_bytes").values());
        assertEquals(8, byName.get("cpu.cores").lastValue());
        assertEquals(byName.get("swap.total_bytes").key().labels(), byName.get("swap.used_bytes").key().labels());
    }

    @Test
    void smartctlAttributesBecomeTheCatalogueOnesByIdAndKind() {
        List<Series> s = NodeExporterMapping.map(List.of(
                raw("smartctl_device_attribute", 12, "device", "sda", "attribute_id", "5", "attribute_name", "Reallocated_Sector_Ct",
                        "attribute_value_type", "raw", "attribute_flags_short", "PO--CK"),
                raw("smartctl_device_attribute", 100, "device", "sda", "attribute_id", "5", "attribute_name", "Reallocated_Sector_Ct",
                        "attribute_value_type", "value", "attribute_flags_short", "PO--CK"),
                raw("smartctl_device_attribute", 12, "device", "sda", "attribute_id", "5", "attribute_name", "Reallocated_Sector_Ct",
                        "attribute_value_type", "worst"),
                raw("smartctl_device_percentage_used", 7, "device", "nvme0")), List.of());
        List<String> keys = s.stream().map(x -> x.key().toString()).toList();
        assertEquals(List.of("smart.attribute_normalized{attribute=\"reallocated_sector_ct\",disk=\"sda\",job=\"node\"}",
                "smart.nvme_used_ratio{disk=\"nvme0\",job=\"node\"}",
                "smart.reallocated_sectors{disk=\"sda\",job=\"node\"}"), keys);
        assertEquals(0.07, s.get(1).lastValue(), 1e-12);
    }

    @Test
    void theSeriesQueryLeavesPseudoFilesystemsOutAndQuotesTheInstance() {
        String q = NodeExporterMapping.seriesQuery("we\"ird:9100", "job=\"node\"");
        assertTrue(q.contains("instance=\"we\\\"ird:9100\""), q);
        assertTrue(q.contains("fstype!~\"tmpfs|"), q);
        assertTrue(q.endsWith(",job=\"node\"}"), q);
        assertTrue(q.contains("node_filesystem_avail_bytes|"), q);
    }
}
