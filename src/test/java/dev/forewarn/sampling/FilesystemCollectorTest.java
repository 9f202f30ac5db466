package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

class FilesystemCollectorTest {

    /** A mounted filesystem as OSHI would report it. */
    record Store(String mount, String volume, String type, long total, long free, long usable, long inodes, long inodesFree)
            implements OSFileStore {
        public String getName() { return volume; }
        public String getVolume() { return volume; }
        public String getLabel() { return ""; }
        public String getLogicalVolume() { return ""; }
        public String getMount() { return mount; }
        public String getDescription() { return "Local Disk"; }
        public String getType() { return type; }
        public String getOptions() { return "rw"; }
        public String getUUID() { return ""; }
        public long getFreeSpace() { return free; }
        public long getUsableSpace() { return usable; }
        public long getTotalSpace() { return total; }
        public long getFreeInodes() { return inodesFree; }
        public long getTotalInodes() { return inodes; }
        public boolean updateAttributes() { return true; }
    }

    /** A FileSystem that lists fixed stores, and remembers whether only local ones were asked for. */
    static final class Fixed implements FileSystem {
        final List<OSFileStore> stores;
        Boolean localOnly;

        Fixed(OSFileStore... stores) {
            this.stores = List.of(stores);
        }

        public List<OSFileStore> getFileStores() { return getFileStores(false); }
        public List<OSFileStore> getFileStores(boolean local) { localOnly = local; return stores; }
        public long getOpenFileDescriptors() { return 0; }
        public long getMaxFileDescriptors() { return 0; }
        public long getMaxFileDescriptorsPerProcess() { return 0; }
    }

    private final Fixed host = new Fixed(
            new Store("/", "/dev/vda1", "ext4", 1000, 300, 250, 64, 40),
            new Store("/proc", "proc", "proc", 0, 0, 0, 0, 0),
            new Store("/sys/fs/cgroup", "cgroup2", "cgroup2", 0, 0, 0, 0, 0),
            new Store("/var/lib/docker/overlay2/x/merged", "overlay", "overlay", 1000, 300, 250, 64, 40),
            new Store("/run", "tmpfs", "tmpfs", 100, 90, 90, 50, 45),
            new Store("/boot/efi", "/dev/vda15", "vfat", 500, 200, 200, 0, 0));

    @Test
    void reportsSpaceWithMountDeviceAndType() {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, false).collect());
        String labels = "{device=\"/dev/vda1\",fstype=\"ext4\",mount=\"/\"}";
        assertEquals(1000.0, v.get("fs.size_bytes" + labels));
        assertEquals(250.0, v.get("fs.avail_bytes" + labels), "what df shows as Avail");
        assertEquals(700.0, v.get("fs.used_bytes" + labels), "size minus free; reserved blocks are not used");
        assertEquals(64.0, v.get("fs.inodes_total{mount=\"/\"}"));
        assertEquals(40.0, v.get("fs.inodes_free{mount=\"/\"}"));
        assertEquals(Boolean.TRUE, host.localOnly, "asks for local filesystems only");
    }

    @Test
    void skipsPseudoFilesystemsAndTmpfsUnlessAsked() {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, false).collect());
        assertTrue(v.keySet().stream().noneMatch(k -> k.contains("/proc") || k.contains("cgroup") || k.contains("overlay") || k.contains("/run")), v.keySet().toString());
        Map<String, Double> withTmpfs = CpuCollectorTest.values(new FilesystemCollector(host, true).collect());
        assertEquals(90.0, withTmpfs.get("fs.avail_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mount=\"/run\"}"));
    }

    @Test
    void filesystemWithoutInodesGetsOnlySpaceSeries() {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, false).collect());
        assertEquals(500.0, v.get("fs.size_bytes{device=\"/dev/vda15\",fstype=\"vfat\",mount=\"/boot/efi\"}"));
        assertNull(v.get("fs.inodes_total{mount=\"/boot/efi\"}"));
    }

    @Test
    void readsTheRootFilesystemOfThisHost() {
        List<Sample> samples = new FilesystemCollector(new SystemInfo().getOperatingSystem().getFileSystem(), false).collect();
        assertFalse(samples.isEmpty());
        assertTrue(samples.stream().anyMatch(s -> s.key().name().equals("fs.avail_bytes") && s.value() > 0), samples.toString());
        assertTrue(samples.stream().filter(s -> s.key().label("fstype") != null)
                .noneMatch(s -> FilesystemCollector.PSEUDO_TYPES.contains(s.key().label("fstype"))));
    }
}
