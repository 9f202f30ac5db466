package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DiskCollectorTest {

    private static final String DISKSTATS = """
               7       0 loop0 12 0 24 0 0 0 0 0 0 4 0 0 0 0 0 0 0
             253       0 zram0 5 0 40 0 9 0 72 0 0 0 0 0 0 0 0 0 0
               8       0 sda 11535 5050 984530 12982 1468 5082 538248 2535 0 4416 16724 3168 93 121960 1200 4 6
               8       1 sda1 11000 5000 900000 12000 1400 5000 500000 2500 0 4000 16000 0 0 0 0 0 0
             259       0 nvme0n1 10 0 2048 1 20 0 4096 2 0 1500 3 0 0 0 0 0 0
             259       1 nvme0n1p1 10 0 2048 1 20 0 4096 2 0 1500 3 0 0 0 0 0 0
             254       0 dm-0 1 0 8 0 2 0 16 0 0 7 0 0 0 0 0 0 0
               8      16 sdb 1 0 8 0 2 0 16 0 0 7 0
            """;

    @Test
    void keepsWholeDisksAndDeviceMapperButNoPartitionsLoopOrRamDevices() {
        Set<String> disks = new TreeSet<>();
        for (Sample s : DiskCollector.parseDiskstats(DISKSTATS)) {
            disks.add(s.key().label("disk"));
        }
        assertEquals(Set.of("sda", "nvme0n1", "dm-0", "sdb"), disks);
    }

    @Test
    void sectorsBecomeBytesAndIoMillisBecomeSeconds() {
        Map<String, Double> v = CpuCollectorTest.values(DiskCollector.parseDiskstats(DISKSTATS));
        assertEquals(984530.0 * 512, v.get("disk.read_bytes_total{disk=\"sda\"}"));
        assertEquals(538248.0 * 512, v.get("disk.write_bytes_total{disk=\"sda\"}"));
        assertEquals(4.416, v.get("disk.io_time_seconds_total{disk=\"sda\"}"), 1e-12);
        assertEquals(0.007, v.get("disk.io_time_seconds_total{disk=\"sdb\"}"), 1e-12, "old 11-counter kernels");
    }

    @Test
    void readsTheHostsDiskstats() throws Exception {
        List<Sample> samples = new DiskCollector(ProcFs.system()).collect();
        assertFalse(samples.isEmpty(), "this host has at least one disk");
        for (Sample s : samples) {
            assertTrue(s.key().isCounter() && s.value() >= 0, s.toString());
        }
    }
}
