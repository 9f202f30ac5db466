package dev.forewarn.sampling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Block-device I/O counters from {@code /proc/diskstats} (one small read instead of OSHI's
 * disk-store scan, which costs milliseconds per sample).
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code disk.read_bytes_total}</td><td>bytes read since boot (sectors of 512 bytes)</td><td>{@code disk}</td></tr>
 *   <tr><td>{@code disk.write_bytes_total}</td><td>bytes written since boot</td><td>{@code disk}</td></tr>
 *   <tr><td>{@code disk.io_time_seconds_total}</td><td>seconds the device had I/O in flight since
 *       boot (its rate is the utilisation)</td><td>{@code disk}</td></tr>
 * </table>
 *
 * <p>Whole devices only: partitions would count the same bytes twice, and memory-backed or
 * loop devices ({@code ram}, {@code zram}, {@code loop}, floppy {@code fd}) say nothing about
 * disks; see {@link #IGNORED}. Device-mapper volumes ({@code dm-0}) are kept, as node_exporter
 * does. The kernel counts diskstats sectors in 512-byte units whatever the device's sector size.
 */
public final class DiskCollector implements Collector {

    /** Devices left out: memory and loop devices, and partitions of sd/hd/vd/xvd, nvme and mmc disks. */
    static final Pattern IGNORED =
            Pattern.compile("(z?ram|loop|fd)\\d+|(h|s|v|xv)d[a-z]+\\d+|nvme\\d+n\\d+p\\d+|mmcblk\\d+p\\d+");

    private static final double SECTOR_BYTES = 512;

    private final ProcFs proc;

    public DiskCollector(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public List<Sample> collect() throws IOException {
        return parseDiskstats(proc.read("diskstats"));
    }

    /** The samples of every kept device in the text of {@code /proc/diskstats}. */
    static List<Sample> parseDiskstats(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // major minor name, then at least 11 counters (kernels before 4.18 have exactly 11)
            if (f.length < 14 || IGNORED.matcher(f[2]).matches()) {
                continue;
            }
            String disk = f[2];
            long sectorsRead = Long.parseLong(f[5]);
            long sectorsWritten = Long.parseLong(f[9]);
            long ioMillis = Long.parseLong(f[12]);
            out.add(Sample.of("disk.read_bytes_total", sectorsRead * SECTOR_BYTES, "disk", disk));
            out.add(Sample.of("disk.write_bytes_total", sectorsWritten * SECTOR_BYTES, "disk", disk));
            out.add(Sample.of("disk.io_time_seconds_total", ioMillis / 1000.0, "disk", disk));
        }
        return out;
    }
}
