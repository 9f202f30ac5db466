package dev.forewarn.sampling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Load averages and how busy the CPUs were, read from {@code /proc/loadavg} and the first line
 * of {@code /proc/stat}.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code cpu.load1}, {@code cpu.load5}, {@code cpu.load15}</td><td>run-queue length,
 *       averaged over 1, 5, 15 minutes</td><td>none</td></tr>
 *   <tr><td>{@code cpu.cores}</td><td>online logical CPUs (the {@code cpuN} lines of
 *       {@code /proc/stat}), what the load averages are judged against</td><td>none</td></tr>
 *   <tr><td>{@code cpu.busy_ratio}</td><td>0..1, the share of CPU time not idle and not waiting
 *       for I/O, over all CPUs</td><td>none</td></tr>
 * </table>
 *
 * <p>A busy ratio needs two readings of the tick counters. The collector takes the first one
 * when it is built and keeps the last one between calls, so in a {@code collect} loop the
 * ratio covers exactly the interval since the previous sample. For a one-shot {@code sample}
 * the window is the time since the collector was built, stretched to at least
 * {@code minWindowMillis} (100 ms by default) by sleeping the rest: a short but real
 * measurement, rather than the since-boot average that would hide any current load.
 */
public final class CpuCollector implements Collector {

    /** Tick counters of the {@code cpu} line: busy and total, in USER_HZ. */
    record Ticks(long busy, long total) {
    }

    private final ProcFs proc;
    private final long minWindowMillis;
    private Ticks previous;
    private long previousNanos;

    /** A collector over {@code proc} whose first busy ratio covers at least {@code minWindowMillis}. */
    public CpuCollector(ProcFs proc, long minWindowMillis) {
        this.proc = proc;
        this.minWindowMillis = minWindowMillis;
        try {
            previous = parseStat(proc.read("stat"));
            previousNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            previous = null; // collect() reports the failure
        }
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public List<Sample> collect() throws IOException, InterruptedException {
        List<Sample> out = new ArrayList<>(4);
        double[] load = parseLoadavg(proc.read("loadavg"));
        out.add(Sample.of("cpu.load1", load[0]));
        out.add(Sample.of("cpu.load5", load[1]));
        out.add(Sample.of("cpu.load15", load[2]));

        long waitMillis = minWindowMillis - (System.nanoTime() - previousNanos) / 1_000_000;
        if (previous != null && waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        String stat = proc.read("stat");
        Ticks now = parseStat(stat);
        long nowNanos = System.nanoTime();
        out.add(Sample.of("cpu.cores", parseCores(stat)));
        if (previous != null) {
            Double ratio = busyRatio(previous, now);
            if (ratio != null) {
                out.add(Sample.of("cpu.busy_ratio", ratio));
            }
        }
        previous = now;
        previousNanos = nowNanos;
        return out;
    }

    /** The three load averages of {@code /proc/loadavg}. */
    static double[] parseLoadavg(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 3) {
            throw new IllegalArgumentException("unexpected /proc/loadavg: " + text.trim());
        }
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    /**
     * The aggregate {@code cpu} line of {@code /proc/stat}: user nice system idle iowait irq
     * softirq steal [guest guest_nice]. Guest time is already inside user and nice, so it is
     * not added again; idle and iowait are the not-busy part.
     */
    static Ticks parseStat(String text) {
        int eol = text.indexOf('\n');
        String line = eol < 0 ? text : text.substring(0, eol);
        String[] f = line.trim().split("\\s+");
        if (f.length < 5 || !f[0].equals("cpu")) {
            throw new IllegalArgumentException("unexpected first line of /proc/stat: " + line);
        }
        long total = 0;
        int n = Math.min(f.length, 9); // fields 1..8; 9 and 10 are guest time
        for (int i = 1; i < n; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new Ticks(total - idle, total);
    }

    /** Online logical CPUs: the {@code cpuN} lines of {@code /proc/stat} (what load averages are compared with). */
    static int parseCores(String stat) {
        int n = 0;
        for (String line : stat.split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                n++;
            }
        }
        return n;
    }

    /** The busy share between two readings, or null when no tick passed or the counters went back. */
    static Double busyRatio(Ticks before, Ticks after) {
        long total = after.total() - before.total();
        long busy = after.busy() - before.busy();
        if (total <= 0 || busy < 0) {
            return null;
        }
        return Math.min(1.0, (double) busy / total);
    }
}
