package dev.forewarn.fleet;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table from node_exporter's (and smartctl_exporter's) metric names to forewarn's
 * catalogue, so that the shipped rules judge a Prometheus-scraped host exactly as they judge the
 * local one. The README's "Fleet" section prints this table; keep the two in step.
 *
 * <table>
 *   <caption>node_exporter → forewarn ({@code instance} is the host; {@code job} and other target labels are kept)</caption>
 *   <tr><th>Prometheus series</th><th>forewarn series</th><th>labels</th></tr>
 *   <tr><td>node_filesystem_avail_bytes, _size_bytes</td><td>fs.avail_bytes, fs.size_bytes</td><td>mountpoint→mount, device, fstype</td></tr>
 *   <tr><td>node_filesystem_files_free, _files</td><td>fs.inodes_free, fs.inodes_total</td><td>as above</td></tr>
 *   <tr><td>node_memory_MemAvailable_bytes, MemTotal_bytes</td><td>mem.available_bytes, mem.total_bytes</td><td></td></tr>
 *   <tr><td>node_memory_SwapTotal_bytes, SwapTotal − SwapFree</td><td>swap.total_bytes, swap.used_bytes</td><td></td></tr>
 *   <tr><td>node_load1, node_load5, node_load15</td><td>cpu.load1, cpu.load5, cpu.load15</td><td></td></tr>
 *   <tr><td>count of node_cpu_seconds_total{mode="idle"}</td><td>cpu.cores</td><td></td></tr>
 *   <tr><td>node_filefd_allocated, node_filefd_maximum</td><td>os.open_fds, os.max_fds</td><td></td></tr>
 *   <tr><td>node_network_receive_errs_total, transmit_errs_total, receive_drop_total, transmit_drop_total,
 *       receive_bytes_total, transmit_bytes_total</td>
 *       <td>net.rx_errors_total, net.tx_errors_total, net.rx_dropped_total, net.tx_dropped_total, net.rx_bytes_total,
 *       net.tx_bytes_total</td><td>device→iface</td></tr>
 *   <tr><td>node_hwmon_temp_celsius</td><td>sensor.cpu_celsius</td><td>chip, sensor</td></tr>
 *   <tr><td>node_disk_read_bytes_total, written_bytes_total, io_time_seconds_total</td>
 *       <td>disk.read_bytes_total, disk.write_bytes_total, disk.io_time_seconds_total</td><td>device→disk</td></tr>
 *   <tr><td>smartctl_device_attribute{attribute_id="5|187|188|197|198",attribute_value_type="raw"}</td>
 *       <td>smart.reallocated_sectors, reported_uncorrect, command_timeouts, pending_sectors, offline_uncorrectable</td>
 *       <td>device→disk</td></tr>
 *   <tr><td>smartctl_device_attribute{attribute_value_type="value"|"thresh"}</td>
 *       <td>smart.attribute_normalized, smart.attribute_threshold</td><td>device→disk, attribute_name→attribute (lower case)</td></tr>
 *   <tr><td>smartctl_device_smart_status, smartctl_device_temperature{temperature_type="current"}</td>
 *       <td>smart.healthy, smart.temperature_celsius</td><td>device→disk</td></tr>
 *   <tr><td>smartctl_device_percentage_used, available_spare, available_spare_threshold (percent)</td>
 *       <td>smart.nvme_used_ratio, nvme_spare_ratio, nvme_spare_threshold_ratio (÷100)</td><td>device→disk</td></tr>
 *   <tr><td>smartctl_device_media_errors, smartctl_device_power_on_seconds</td>
 *       <td>smart.nvme_media_errors_total, smart.power_on_hours (÷3600)</td><td>device→disk</td></tr>
 * </table>
 *
 * <p>Filesystems whose {@code fstype} is memory-backed or a read-only image ({@link #PSEUDO_FSTYPES},
 * the list the shipped fs rules exclude) are not read at all.
 */
public final class NodeExporterMapping {

    /** The fstype values not read: the shipped rules' exclusion, asked of Prometheus so they never travel. */
    public static final String PSEUDO_FSTYPES = "tmpfs|devtmpfs|ramfs|squashfs|iso9660|udf|overlay";

    /** The derived core count, from its own query (see {@link #coresQuery}). */
    public static final String CORES = "cpu.cores";

    /**
     * One row: the Prometheus series (name and the labels it must have) and what it becomes.
     *
     * @param promName     the exporter's metric name
     * @param where        labels the series must carry with these values
     * @param name         the forewarn metric name
     * @param rename       exporter label → forewarn label
     * @param drop         exporter labels left out of the forewarn key (they are part of {@code where} or identify nothing)
     * @param scale        factor from the exporter's unit to forewarn's (1, 0.01 for percent, 1/3600 for seconds to hours)
     * @param lowerCase    labels whose forewarn value is lower case
     */
    public record Entry(String promName, Map<String, String> where, String name, Map<String, String> rename,
                        Set<String> drop, double scale, Set<String> lowerCase) {

        boolean accepts(Map<String, String> labels) {
            if (!promName.equals(labels.get("__name__"))) {
                return false;
            }
            for (Map.Entry<String, String> w : where.entrySet()) {
                if (!w.getValue().equals(labels.get(w.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Map<String, String> FS = Map.of("mountpoint", "mount");
    private static final Map<String, String> NET = Map.of("device", "iface");
    private static final Map<String, String> DISK = Map.of("device", "disk");
    private static final Set<String> SMART_DROP = Set.of("attribute_id", "attribute_value_type", "attribute_flags_long",
            "attribute_flags_short", "attribute_name", "temperature_type");

    /** The table. */
    public static final List<Entry> ENTRIES = List.of(
            plain("node_filesystem_avail_bytes", "fs.avail_bytes", FS),
            plain("node_filesystem_size_bytes", "fs.size_bytes", FS),
            plain("node_filesystem_files_free", "fs.inodes_free", FS),
            plain("node_filesystem_files", "fs.inodes_total", FS),
            plain("node_memory_MemAvailable_bytes", "mem.available_bytes", Map.of()),
            plain("node_memory_MemTotal_bytes", "mem.total_bytes", Map.of()),
            plain("node_memory_SwapTotal_bytes", "swap.total_bytes", Map.of()),
            plain("node_memory_SwapFree_bytes", "swap.free_bytes", Map.of()),
            plain("node_load1", "cpu.load1", Map.of()),
            plain("node_load5", "cpu.load5", Map.of()),
            plain("node_load15", "cpu.load15", Map.of()),
            plain("node_filefd_allocated", "os.open_fds", Map.of()),
            plain("node_filefd_maximum", "os.max_fds", Map.of()),
            plain("node_network_receive_errs_total", "net.rx_errors_total", NET),
            plain("node_network_transmit_errs_total", "net.tx_errors_total", NET),
            plain("node_network_receive_drop_total", "net.rx_dropped_total", NET),
            plain("node_network_transmit_drop_total", "net.tx_dropped_total", NET),
            plain("node_network_receive_bytes_total", "net.rx_bytes_total", NET),
            plain("node_network_transmit_bytes_total", "net.tx_bytes_total", NET),
            plain("node_hwmon_temp_celsius", "sensor.cpu_celsius", Map.of()),
            plain("node_disk_read_bytes_total", "disk.read_bytes_total", DISK),
            plain("node_disk_written_bytes_total", "disk.write_bytes_total", DISK),
            plain("node_disk_io_time_seconds_total", "disk.io_time_seconds_total", DISK),
            smartRaw("5", "smart.reallocated_sectors"),
            smartRaw("187", "smart.reported_uncorrect"),
            smartRaw("188", "smart.command_timeouts"),
            smartRaw("197", "smart.pending_sectors"),
            smartRaw("198", "smart.offline_uncorrectable"),
            new Entry("smartctl_device_attribute", Map.of("attribute_value_type", "value"), "smart.attribute_normalized",
                    Map.of("device", "disk", "attribute_name", "attribute"), SMART_DROP, 1, Set.of("attribute")),
            new Entry("smartctl_device_attribute", Map.of("attribute_value_type", "thresh"), "smart.attribute_threshold",
                    Map.of("device", "disk", "attribute_name", "attribute"), SMART_DROP, 1, Set.of("attribute")),
            scaled("smartctl_device_smart_status", Map.of(), "smart.healthy", 1),
            scaled("smartctl_device_temperature", Map.of("temperature_type", "current"), "smart.temperature_celsius", 1),
            scaled("smartctl_device_percentage_used", Map.of(), "smart.nvme_used_ratio", 0.01),
            scaled("smartctl_device_available_spare", Map.of(), "smart.nvme_spare_ratio", 0.01),
            scaled("smartctl_device_available_spare_threshold", Map.of(), "smart.nvme_spare_threshold_ratio", 0.01),
            scaled("smartctl_device_media_errors", Map.of(), "smart.nvme_media_errors_total", 1),
            scaled("smartctl_device_power_on_seconds", Map.of(), "smart.power_on_hours", 1.0 / 3600));

    private NodeExporterMapping() {
    }

    private static Entry plain(String prom, String name, Map<String, String> rename) {
        return new Entry(prom, Map.of(), name, rename, Set.of(), 1, Set.of());
    }

    private static Entry smartRaw(String id, String name) {
        return new Entry("smartctl_device_attribute", Map.of("attribute_id", id, "attribute_value_type", "raw"), name,
                DISK, SMART_DROP, 1, Set.of());
    }

    private static Entry scaled(String prom, Map<String, String> where, String name, double scale) {
        return new Entry(prom, where, name, DISK, SMART_DROP, scale, Set.of());
    }

    /** Every exporter metric name the table reads, in table order, without repeats. */
    public static List<String> promNames() {
        Set<String> out = new LinkedHashSet<>();
        ENTRIES.forEach(e -> out.add(e.promName()));
        return List.copyOf(out);
    }

    /**
     * The one selector that reads every mapped series of one instance (pseudo filesystems left
     * out: a series without {@code fstype} passes, as Prometheus compares it as the empty string).
     *
     * @param instance   the instance label's value
     * @param extra      more matchers, PromQL text without braces (from {@code --match}), or empty
     */
    public static String seriesQuery(String instance, String extra) {
        return "{__name__=~\"" + String.join("|", promNames()) + "\",instance=\"" + promEscape(instance) + "\",fstype!~\""
                + PSEUDO_FSTYPES + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** The core count of one instance: the idle CPU counters, counted. */
    public static String coresQuery(String instance, String extra) {
        return "count without (cpu, mode) (node_cpu_seconds_total{mode=\"idle\",instance=\"" + promEscape(instance) + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "})";
    }

    /** A string as a PromQL double-quoted literal's inside. */
    public static String promEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /**
     * Maps the answers for one instance into forewarn series: each exporter series by its table
     * row, {@code swap.used_bytes} as total minus free at each shared time, and the core count.
     * Exporter series that no row accepts are dropped; so is {@code instance} (the host is the
     * instance, one level up).
     *
     * @param raw   the series-query answer (concatenated over chunks by the caller)
     * @param cores the cores-query answer
     */
    public static List<Series> map(List<RawSeries> raw, List<RawSeries> cores) {
        Map<SeriesKey, Series> out = new TreeMap<>();
        for (RawSeries r : raw) {
            for (Entry e : ENTRIES) {
                if (e.accepts(r.labels())) {
                    SeriesKey k = key(e, r.labels());
                    out.put(k, series(k, r, e.scale()));
                }
            }
        }
        for (RawSeries r : cores) {
            Map<String, String> labels = new HashMap<>(r.labels());
            labels.remove("__name__");
            SeriesKey k = key(new Entry("", Map.of(), CORES, Map.of(), Set.of(), 1, Set.of()), labels);
            out.put(k, series(k, r, 1));
        }
        List<Series> swapFree = new ArrayList<>();
        for (Series s : out.values()) {
            if (s.key().name().equals("swap.free_bytes")) {
                swapFree.add(s);
            }
        }
        for (Series free : swapFree) {
            out.remove(free.key());
            Series total = out.get(free.key().withName("swap.total_bytes"));
            if (total != null) {
                Series used = difference(free.key().withName("swap.used_bytes"), total, free);
                out.put(used.key(), used);
            }
        }
        return List.copyOf(out.values());
    }

    static SeriesKey key(Entry e, Map<String, String> labels) {
        TreeMap<String, String> m = new TreeMap<>();
        for (Map.Entry<String, String> l : labels.entrySet()) {
            String n = l.getKey();
            if (n.equals("__name__") || n.equals("instance") || e.drop().contains(n) && !e.rename().containsKey(n)) {
                continue;
            }
            String to = e.rename().getOrDefault(n, n);
            m.put(to, e.lowerCase().contains(to) ? l.getValue().toLowerCase(Locale.ROOT) : l.getValue());
        }
        return new SeriesKey(e.name(), m);
    }

    private static Series series(SeriesKey k, RawSeries r, double scale) {
        double[] v = r.values();
        if (scale != 1) {
            v = Arrays.copyOf(v, v.length);
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return new Series(k, r.timesMillis(), v);
    }

    /** {@code a − b} at the times both have. */
    private static Series difference(SeriesKey k, Series a, Series b) {
        long[] t = new long[Math.min(a.size(), b.size())];
        double[] v = new double[t.length];
        int n = 0;
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            long ta = a.timeMillis(i);
            long tb = b.timeMillis(j);
            if (ta == tb) {
                t[n] = ta;
                v[n++] = a.value(i++) - b.value(j++);
            } else if (ta < tb) {
                i++;
            } else {
                j++;
            }
        }
        return new Series(k, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
}
