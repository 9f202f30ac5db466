package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    static class Fixed implements FileSystem {
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

    @TempDir
    Path proc;

    private final Fixed host = new Fixed(
            new Store("/", "/dev/vda1", "ext4", 1000, 300, 250, 64, 40),
            new Store("/proc", "proc", "proc", 0, 0, 0, 0, 0),
            new Store("/sys/fs/cgroup", "cgroup2", "cgroup2", 0, 0, 0, 0, 0),
            new Store("/var/lib/docker/overlay2/x/merged", "overlay", "overlay", 1000, 300, 250, 64, 40),
            new Store("/run", "tmpfs", "tmpfs", 100, 90, 90, 50, 45),
            new Store("/boot/efi", "/dev/vda15", "vfat", 500, 200, 200, 0, 0));

    @Test
    void reportsSpaceWithMountDeviceAndType() throws IOException {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, null, null, false).collect());
        String labels = "{device=\"/dev/vda1\",fstype=\"ext4\",mount=\"/\"}";
        assertEquals(1000.0, v.get("fs.size_bytes" + labels));
        assertEquals(250.0, v.get("fs.avail_bytes" + labels), "what df shows as Avail");
        assertEquals(700.0, v.get("fs.used_bytes" + labels), "size minus free; reserved blocks are not used");
        assertEquals(64.0, v.get("fs.inodes_total{mount=\"/\"}"));
        assertEquals(40.0, v.get("fs.inodes_free{mount=\"/\"}"));
        assertEquals(Boolean.TRUE, host.localOnly, "asks for local filesystems only");
    }

    @Test
    void skipsPseudoFilesystemsAndTmpfsUnlessAsked() throws IOException {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, null, null, false).collect());
        assertTrue(v.keySet().stream().noneMatch(k -> k.contains("/proc") || k.contains("cgroup") || k.contains("overlay") || k.contains("/run")), v.keySet().toString());
        Map<String, Double> withTmpfs = CpuCollectorTest.values(new FilesystemCollector(host, null, null, true).collect());
        assertEquals(90.0, withTmpfs.get("fs.avail_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mount=\"/run\"}"));
    }

    @Test
    void filesystemWithoutInodesGetsOnlySpaceSeries() throws IOException {
        Map<String, Double> v = CpuCollectorTest.values(new FilesystemCollector(host, null, null, false).collect());
        assertEquals(500.0, v.get("fs.size_bytes{device=\"/dev/vda15\",fstype=\"vfat\",mount=\"/boot/efi\"}"));
        assertNull(v.get("fs.inodes_total{mount=\"/boot/efi\"}"));
    }

    @Test
    void keptListIsRefreshedByTheProbeAndListedAgainOnlyWhenMountsChange() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/mounts"), "/dev/vda1 / ext4 rw 0 0\n");
        int[] listings = {0};
        Fixed counting = new Fixed(host.stores.toArray(new OSFileStore[0])) {
            @Override
            public List<OSFileStore> getFileStores(boolean local) {
                listings[0]++;
                return super.getFileStores(local);
            }
        };
        long[] avail = {111};
        SpaceProbe probe = mount -> new SpaceProbe.Space(2000, 500, avail[0], 10, 5);
        FilesystemCollector fs = new FilesystemCollector(counting, new ProcFs(proc), probe, false);
        String rootAvail = "fs.avail_bytes{device=\"/dev/vda1\",fstype=\"ext4\",mount=\"/\"}";
        assertEquals(111.0, CpuCollectorTest.values(fs.collect()).get(rootAvail));
        avail[0] = 99;
        assertEquals(99.0, CpuCollectorTest.values(fs.collect()).get(rootAvail), "fresh counts from the probe");
        assertEquals(1, listings[0], "no second listing while the mounts are the same");
        Files.writeString(proc.resolve("self/mounts"), "/dev/vda1 / ext4 rw 0 0\n/dev/vdb /data xfs rw 0 0\n");
        fs.collect();
        assertEquals(2, listings[0], "listed again after a mount");
    }

    @Test
    void readsTheRootFilesystemOfThisHost() throws IOException {
        List<Sample> samples = new FilesystemCollector(new SystemInfo().getOperatingSystem().getFileSystem(), ProcFs.system(),
                StatvfsProbe.create(), false).collect();
        assertFalse(samples.isEmpty());
        assertTrue(samples.stream().anyMatch(s -> s.key().name().equals("fs.avail_bytes") && s.value() > 0), samples.toString());
        assertTrue(samples.stream().filter(s -> s.key().label("fstype") != null)
                .noneMatch(s -> FilesystemCollector.PSEUDO_TYPES.contains(s.key().label("fstype"))));
    }

    @Test
    void statvfsProbeAgreesWithOshiOnTheRootFilesystemSize() throws IOException {
        OSFileStore root = new SystemInfo().getOperatingSystem().getFileSystem().getFileStores(true).stream()
                .filter(s -> s.getMount().equals("/")).findFirst().orElseThrow();
        SpaceProbe.Space space = StatvfsProbe.create().read("/");
        assertEquals(root.getTotalSpace(), space.totalBytes());
        assertEquals(root.getTotalInodes(), space.inodes());
    }
}
