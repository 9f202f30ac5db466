package dev.forewarn.sampling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Space and inodes of each mounted local filesystem. OSHI's {@link FileSystem} says which
 * filesystems there are ({@code getFileStores(true)}: local ones only, the cheaper call, and a
 * hung network server cannot stall the sample); that list is kept until
 * {@code /proc/self/mounts} changes, and each sample reads the counts of the kept ones with one
 * {@link SpaceProbe} call each (OSHI's listing costs about 2 ms a sample, statvfs microseconds).
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code fs.size_bytes}</td><td>bytes</td><td>{@code mount}, {@code device}, {@code fstype}</td></tr>
 *   <tr><td>{@code fs.avail_bytes}</td><td>bytes an unprivileged user can still write (what
 *       {@code df} shows as Avail; root's reserved blocks excluded)</td><td>{@code mount}, {@code device}, {@code fstype}</td></tr>
 *   <tr><td>{@code fs.used_bytes}</td><td>bytes in use: size minus free (reserved blocks count as
 *       free)</td><td>{@code mount}, {@code device}, {@code fstype}</td></tr>
 *   <tr><td>{@code fs.inodes_total}</td><td>inodes</td><td>{@code mount}</td></tr>
 *   <tr><td>{@code fs.inodes_free}</td><td>inodes</td><td>{@code mount}</td></tr>
 * </table>
 *
 * <p>Pseudo and virtual filesystems ({@link #PSEUDO_TYPES}) hold no data that can run out, so
 * they are skipped; {@code tmpfs} is kept only when asked for ({@code --tmpfs}), because it
 * is memory, not disk. Filesystems without inodes (btrfs, vfat report 0) get no inode series;
 * a filesystem of size 0 gets none at all.
 */
public final class FilesystemCollector implements Collector {

    /** Filesystem types that are never sampled: kernel interfaces, container layers, images. */
    public static final Set<String> PSEUDO_TYPES = Set.of(
            "proc", "sysfs", "cgroup", "cgroup2", "devpts", "devtmpfs", "overlay", "squashfs",
            "nsfs", "tracefs", "debugfs", "securityfs", "pstore", "bpf", "autofs", "mqueue",
            "hugetlbfs", "fusectl", "configfs", "binfmt_misc", "ramfs", "efivarfs", "rpc_pipefs",
            "selinuxfs", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "iso9660", "udf", "none");

    private final FileSystem fileSystem;
    private final ProcFs proc;
    private final SpaceProbe probe;
    private final boolean includeTmpfs;
    private String knownMounts;
    private List<OSFileStore> kept = List.of();

    /**
     * A collector over {@code fileSystem}. With a {@code probe}, the list of filesystems is
     * taken from OSHI only when {@code /proc/self/mounts} changes, and the counts of the kept
     * ones come from the probe; without one (null), OSHI lists them all every sample.
     * {@code includeTmpfs} keeps memory-backed tmpfs mounts.
     */
    public FilesystemCollector(FileSystem fileSystem, ProcFs proc, SpaceProbe probe, boolean includeTmpfs) {
        this.fileSystem = fileSystem;
        this.proc = proc;
        this.probe = probe;
        this.includeTmpfs = includeTmpfs;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public List<Sample> collect() throws IOException {
        if (probe == null) {
            return fromStores(fileSystem.getFileStores(true));
        }
        String mounts = proc.read("self/mounts");
        if (!mounts.equals(knownMounts)) {
            kept = keptStores();
            knownMounts = mounts;
        }
        List<Sample> out = new ArrayList<>();
        for (OSFileStore store : kept) {
            SpaceProbe.Space space;
            try {
                space = probe.read(store.getMount());
            } catch (IOException gone) {
                knownMounts = null; // unmounted since the listing: list again next time
                continue;
            }
            add(out, store, space);
        }
        return out;
    }

    private List<OSFileStore> keptStores() {
        List<OSFileStore> out = new ArrayList<>();
        for (OSFileStore store : fileSystem.getFileStores(true)) {
            if (isKept(store.getType(), includeTmpfs) && store.getTotalSpace() > 0) {
                out.add(store);
            }
        }
        return out;
    }

    private List<Sample> fromStores(List<OSFileStore> stores) {
        List<Sample> out = new ArrayList<>();
        for (OSFileStore store : stores) {
            if (isKept(store.getType(), includeTmpfs)) {
                add(out, store, new SpaceProbe.Space(store.getTotalSpace(), store.getFreeSpace(), store.getUsableSpace(),
                        store.getTotalInodes(), store.getFreeInodes()));
            }
        }
        return out;
    }

    private static void add(List<Sample> out, OSFileStore store, SpaceProbe.Space space) {
        if (space.totalBytes() <= 0) {
            return;
        }
        String mount = store.getMount();
        String device = store.getVolume() == null || store.getVolume().isEmpty() ? store.getName() : store.getVolume();
        String[] labels = {"mount", mount, "device", device, "fstype", store.getType()};
        out.add(Sample.of("fs.size_bytes", space.totalBytes(), labels));
        out.add(Sample.of("fs.avail_bytes", space.availBytes(), labels));
        out.add(Sample.of("fs.used_bytes", Math.max(0, space.totalBytes() - space.freeBytes()), labels));
        if (space.inodes() > 0) {
            out.add(Sample.of("fs.inodes_total", space.inodes(), "mount", mount));
            out.add(Sample.of("fs.inodes_free", space.inodesFree(), "mount", mount));
        }
    }

    /** Whether a filesystem of this type is sampled. */
    static boolean isKept(String type, boolean includeTmpfs) {
        if (type == null || PSEUDO_TYPES.contains(type)) {
            return false;
        }
        return includeTmpfs || !type.equals("tmpfs");
    }
}
