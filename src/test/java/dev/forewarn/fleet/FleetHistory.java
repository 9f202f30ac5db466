package dev.forewarn.fleet;

import dev.forewarn.series.Series;
import dev.forewarn.series.SeriesKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated fleet history in node_exporter's names, written as OpenMetrics for
 * {@code promtool tsdb create-blocks-from openmetrics}, and the same points under forewarn's names
 * (for a SQLite store to compare with). Every instance has a root filesystem, a /data filesystem,
 * a tmpfs /run (which must be ignored), memory, swap, load, file handles and two CPUs. Kinds:
 * {@code filling} (/data runs out some 9 days after the end), {@code bursts} (/data fills each
 * night and is cleaned by morning, no trend) and {@code calm}.
 */
public final class FleetHistory {

    /** How an instance behaves. */
    public enum Kind { FILLING, BURSTS, CALM }

    /** One instance. */
    public record Host(String instance, Kind kind) {
    }

    static final double DATA_SIZE = 100e9;
    /** Bytes a day the filling instance's /data loses. */
    static final double FILL_PER_DAY = 2e9;

    private final long endMillis;
    private final long stepMillis;
    private final int days;
    private final List<Host> hosts;

    /**
     * @param endMillis  the last sample's time, epoch ms (rounded down to the step)
     * @param stepMillis sample interval, ms
     * @param days       days of history
     * @param hosts      the instances
     */
    public FleetHistory(long endMillis, long stepMillis, int days, List<Host> hosts) {
        this.endMillis = endMillis / stepMillis * stepMillis;
        this.stepMillis = stepMillis;
        this.days = days;
        this.hosts = List.copyOf(hosts);
    }

    /** The last sample's time, epoch ms. */
    public long endMillis() {
        return endMillis;
    }

    /** The instances. */
    public List<Host> hosts() {
        return hosts;
    }

    private int points() {
        return (int) ((long) days * 86_400_000L / stepMillis) + 1;
    }

    /** The node_exporter series of one instance: name → (labels → values). */
    private Map<String, Map<Map<String, String>, double[]>> nodeSeries(Host h) {
        int n = points();
        Random rnd = new Random(h.instance().hashCode());
        Map<String, Map<Map<String, String>, double[]>> m = new TreeMap<>();
        double[] rootAvail = new double[n];
        double[] dataAvail = new double[n];
        double[] runAvail = new double[n];
        double[] memAvail = new double[n];
        double[] load = new double[n];
        double[] fds = new double[n];
        double[] swapFree = new double[n];
        double[] idle0 = new double[n];
        double[] idle1 = new double[n];
        for (int i = 0; i < n; i++) {
            long t = time(i);
            double dayFrac = ((t / 1000) % 86_400) / 86_400.0;
            double daysBeforeEnd = (endMillis - t) / 86_400_000.0;
            rootAvail[i] = Math.round(20e9 + rnd.nextGaussian() * 5e6);
            dataAvail[i] = switch (h.kind()) {
                // crosses zero 9 days after the end
                case FILLING -> Math.round(FILL_PER_DAY * (9 + daysBeforeEnd) + rnd.nextGaussian() * 2e7);
                // a nightly job writes 30 GB from 01:00 to 04:00 and removes it at 05:00
                case BURSTS -> Math.round(60e9 - (dayFrac > 1 / 24.0 && dayFrac < 5 / 24.0 ? 30e9 * Math.min(1, (dayFrac - 1 / 24.0) * 8) : 0)
                        + rnd.nextGaussian() * 2e7);
                case CALM -> Math.round(60e9 + rnd.nextGaussian() * 2e7);
            };
            runAvail[i] = Math.round(1e8 * (1 - (double) i / n)); // a tmpfs that "fills": must not be judged
            memAvail[i] = Math.round(6e9 + rnd.nextGaussian() * 1e8);
            load[i] = Math.max(0, 0.5 + rnd.nextGaussian() * 0.1);
            fds[i] = Math.round(2000 + rnd.nextGaussian() * 20);
            swapFree[i] = Math.round(1.9e9 + rnd.nextGaussian() * 1e6);
            idle0[i] = i * (stepMillis / 1000.0) * 0.9;
            idle1[i] = i * (stepMillis / 1000.0) * 0.9;
        }
        put(m, "node_filesystem_avail_bytes", fs("/", "/dev/sda1", "ext4"), rootAvail);
        put(m, "node_filesystem_size_bytes", fs("/", "/dev/sda1", "ext4"), constant(n, 50e9));
        put(m, "node_filesystem_avail_bytes", fs("/data", "/dev/sdb1", "xfs"), dataAvail);
        put(m, "node_filesystem_size_bytes", fs("/data", "/dev/sdb1", "xfs"), constant(n, DATA_SIZE));
        put(m, "node_filesystem_avail_bytes", fs("/run", "tmpfs", "tmpfs"), runAvail);
        put(m, "node_filesystem_size_bytes", fs("/run", "tmpfs", "tmpfs"), constant(n, 1e8));
        put(m, "node_memory_MemAvailable_bytes", Map.of(), memAvail);
        put(m, "node_memory_MemTotal_bytes", Map.of(), constant(n, 16e9));
        put(m, "node_memory_SwapTotal_bytes", Map.of(), constant(n, 2e9));
        put(m, "node_memory_SwapFree_bytes", Map.of(), swapFree);
        put(m, "node_load15", Map.of(), load);
        put(m, "node_filefd_allocated", Map.of(), fds);
        put(m, "node_filefd_maximum", Map.of(), constant(n, 9.2e18));
        put(m, "node_cpu_seconds_total", Map.of("cpu", "0", "mode", "idle"), idle0);
        put(m, "node_cpu_seconds_total", Map.of("cpu", "1", "mode", "idle"), idle1);
        return m;
    }

    private static Map<String, String> fs(String mount, String device, String fstype) {
        return Map.of("mountpoint", mount, "device", device, "fstype", fstype);
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static void put(Map<String, Map<Map<String, String>, double[]>> m, String name, Map<String, String> labels, double[] v) {
        m.computeIfAbsent(name, k -> new java.util.LinkedHashMap<>()).put(labels, v);
    }

    private long time(int i) {
        return endMillis - (long) (points() - 1 - i) * stepMillis;
    }

    /** Writes every instance's history as OpenMetrics (one metric family at a time, as the format wants). */
    public void writeOpenMetrics(Path file) throws IOException {
        int n = points();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> names = new ArrayList<>(nodeSeries(hosts.get(0)).keySet());
            for (String name : names) {
                boolean counter = name.endsWith("_total");
                w.write("# TYPE " + (counter ? name.substring(0, name.length() - 6) : name) + (counter ? " counter\n" : " gauge\n"));
                for (Host h : hosts) {
                    for (Map.Entry<Map<String, String>, double[]> s : nodeSeries(h).get(name).entrySet()) {
                        StringBuilder labels = new StringBuilder("{instance=\"").append(h.instance()).append("\",job=\"node\"");
                        new TreeMap<>(s.getKey()).forEach((k, v) -> labels.append(',').append(k).append("=\"").append(v).append('"'));
                        labels.append('}');
                        String prefix = name + labels + " ";
                        double[] v = s.getValue();
                        for (int i = 0; i < n; i++) {
                            w.write(prefix + num(v[i]) + " " + (time(i) / 1000) + "\n");
                        }
                    }
                }
            }
            w.write("# EOF\n");
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.17g", v);
    }

    /** The series of one instance under forewarn's names, as the mapping should give them (for a store to compare with). */
    public List<Series> forewarnSeries(Host h) {
        List<RawSeries> raw = new ArrayList<>();
        List<RawSeries> cores = new ArrayList<>();
        int n = points();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = time(i);
        }
        double[] two = constant(n, 2);
        for (Map.Entry<String, Map<Map<String, String>, double[]>> e : nodeSeries(h).entrySet()) {
            for (Map.Entry<Map<String, String>, double[]> s : e.getValue().entrySet()) {
                if ("tmpfs".equals(s.getKey().get("fstype"))) {
                    continue;
                }
                Map<String, String> labels = new TreeMap<>(s.getKey());
                labels.put("__name__", e.getKey());
                labels.put("instance", h.instance());
                labels.put("job", "node");
                raw.add(new RawSeries(labels, t, s.getValue()));
            }
        }
        cores.add(new RawSeries(Map.of("instance", h.instance(), "job", "node"), t, two));
        return NodeExporterMapping.map(raw, cores);
    }

    /** The key of /data's free space under forewarn's names. */
    public static SeriesKey dataAvailKey() {
        return SeriesKey.of("fs.avail_bytes", "device", "/dev/sdb1", "fstype", "xfs", "job", "node", "mount", "/data");
    }
}
