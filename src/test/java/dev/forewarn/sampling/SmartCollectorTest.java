package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartCollectorTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = SmartCollectorTest.class.getResourceAsStream("smart/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<SeriesKey, Double> byKey(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::key, Sample::value));
    }

    @Test
    void scanListsEachDiskWithTheTypeSmartctlNeeds() throws IOException {
        assertEquals(List.of(new SmartCollector.Device("/dev/sda", "sat"), new SmartCollector.Device("/dev/nvme0", "nvme")),
                SmartCollector.parseScan(fixture("scan.json")));
        assertEquals(List.of(), SmartCollector.parseScan(fixture("scan-none.json")));
    }

    @Test
    void ataDiskYieldsTheFiveBackblazeCountsTemperatureHoursAndVerdict() throws IOException {
        Map<SeriesKey, Double> m = byKey(SmartCollector.parseDevice(fixture("ata-wd-red.json"), "/dev/sda"));
        assertEquals(96.0, m.get(SeriesKey.of("smart.reallocated_sectors", "disk", "/dev/sda")));
        assertEquals(2.0, m.get(SeriesKey.of("smart.pending_sectors", "disk", "/dev/sda")));
        assertEquals(1.0, m.get(SeriesKey.of("smart.offline_uncorrectable", "disk", "/dev/sda")));
        assertEquals(34.0, m.get(SeriesKey.of("smart.temperature_celsius", "disk", "/dev/sda")));
        assertEquals(30844.0, m.get(SeriesKey.of("smart.power_on_hours", "disk", "/dev/sda")));
        assertEquals(1.0, m.get(SeriesKey.of("smart.healthy", "disk", "/dev/sda")));
        // The WD Red reports neither 187 nor 188: no invented zeros.
        assertTrue(!m.containsKey(SeriesKey.of("smart.reported_uncorrect", "disk", "/dev/sda")));
        assertTrue(!m.containsKey(SeriesKey.of("smart.command_timeouts", "disk", "/dev/sda")));
        SeriesKey norm = SeriesKey.of("smart.attribute_normalized", "disk", "/dev/sda", "attribute", "reallocated_sector_ct");
        assertEquals(196.0, m.get(norm));
        assertEquals(140.0, m.get(norm.withName("smart.attribute_threshold")));
        // Attributes without a vendor threshold, or not pre-failure, have nothing to head for.
        assertTrue(!m.containsKey(norm.withLabel("attribute", "power_on_hours")));
    }

    @Test
    void failingSeagateReportsItsVerdictAndRawCounts() throws IOException {
        Map<SeriesKey, Double> m = byKey(SmartCollector.parseDevice(fixture("ata-seagate-failing.json"), "/dev/sdb"));
        assertEquals(0.0, m.get(SeriesKey.of("smart.healthy", "disk", "/dev/sdb")));
        assertEquals(3912.0, m.get(SeriesKey.of("smart.reallocated_sectors", "disk", "/dev/sdb")));
        assertEquals(412.0, m.get(SeriesKey.of("smart.reported_uncorrect", "disk", "/dev/sdb")));
        assertEquals(4295032833.0, m.get(SeriesKey.of("smart.command_timeouts", "disk", "/dev/sdb")));
        assertEquals(8.0, m.get(SeriesKey.of("smart.attribute_normalized", "disk", "/dev/sdb", "attribute", "reallocated_sector_ct")));
    }

    @Test
    void nvmeDiskYieldsWearSpareAndMediaErrors() throws IOException {
        Map<SeriesKey, Double> m = byKey(SmartCollector.parseDevice(fixture("nvme-samsung.json"), "/dev/nvme0"));
        assertEquals(0.37, m.get(SeriesKey.of("smart.nvme_used_ratio", "disk", "/dev/nvme0")), 1e-12);
        assertEquals(0.96, m.get(SeriesKey.of("smart.nvme_spare_ratio", "disk", "/dev/nvme0")), 1e-12);
        assertEquals(0.10, m.get(SeriesKey.of("smart.nvme_spare_threshold_ratio", "disk", "/dev/nvme0")), 1e-12);
        assertEquals(3.0, m.get(SeriesKey.of("smart.nvme_media_errors_total", "disk", "/dev/nvme0")));
        assertEquals(41.0, m.get(SeriesKey.of("smart.temperature_celsius", "disk", "/dev/nvme0")));
        assertEquals(14233.0, m.get(SeriesKey.of("smart.power_on_hours", "disk", "/dev/nvme0")));
        assertEquals(1.0, m.get(SeriesKey.of("smart.healthy", "disk", "/dev/nvme0")));
    }

    @Test
    void diskWithoutSmartYieldsNothing() throws IOException {
        assertEquals(List.of(), SmartCollector.parseDevice(fixture("virtio-no-smart.json"), "/dev/vda"));
    }

    @Test
    void reasonSaysWhySmartctlCannotRun(@TempDir Path dir) throws IOException {
        String none = dir.toString();
        // A PATH without smartctl; the sbin fallbacks may hold one on this host, so only judge when they do not.
        if (SmartCollector.find(none).isEmpty()) {
            assertTrue(SmartCollector.unavailableReason(none, true).orElseThrow().contains("smartmontools"));
        }
        Path fake = Files.createFile(dir.resolve("smartctl"));
        fake.toFile().setExecutable(true);
        assertTrue(SmartCollector.unavailableReason(none, false).orElseThrow().contains("needs root"));
        assertTrue(SmartCollector.unavailableReason(none, true).isEmpty());
    }
}
