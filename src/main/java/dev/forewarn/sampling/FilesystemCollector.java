package dev.forewarn.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Space and inodes of each mounted local filesystem, through OSHI's {@link FileSystem}
 * ({@code getFileStores(true)}: local filesystems only, the cheaper call, and a hung network
 * server cannot stall the sample).
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
    private final boolean includeTmpfs;

    /** A collector over {@code fileSystem}; {@code includeTmpfs} keeps memory-backed tmpfs mounts. */
    public FilesystemCollector(FileSystem fileSystem, boolean includeTmpfs) {
        this.fileSystem = fileSystem;
        this.includeTmpfs = includeTmpfs;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public List<Sample> collect() {
        List<Sample> out = new ArrayList<>();
        for (OSFileStore store : fileSystem.getFileStores(true)) {
            if (!isKept(store.getType(), includeTmpfs) || store.getTotalSpace() <= 0) {
                continue;
            }
            String mount = store.getMount();
            String device = store.getVolume() == null || store.getVolume().isEmpty() ? store.getName() : store.getVolume();
            String type = store.getType();
            long total = store.getTotalSpace();
            String[] labels = {"mount", mount, "device", device, "fstype", type};
            out.add(Sample.of("fs.size_bytes", total, labels));
            out.add(Sample.of("fs.avail_bytes", store.getUsableSpace(), labels));
            out.add(Sample.of("fs.used_bytes", Math.max(0, total - store.getFreeSpace()), labels));
            if (store.getTotalInodes() > 0) {
                out.add(Sample.of("fs.inodes_total", store.getTotalInodes(), "mount", mount));
                out.add(Sample.of("fs.inodes_free", store.getFreeInodes(), "mount", mount));
            }
        }
        return out;
    }

    /** Whether a filesystem of this type is sampled. */
    static boolean isKept(String type, boolean includeTmpfs) {
        if (type == null || PSEUDO_TYPES.contains(type)) {
            return false;
        }
        return includeTmpfs || !type.equals("tmpfs");
    }
}
