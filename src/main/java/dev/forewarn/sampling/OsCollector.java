package dev.forewarn.sampling;

import java.io.IOException;
import java.util.List;

/**
 * Kernel-wide counts: file handles, processes, threads, uptime; read from
 * {@code /proc/sys/fs/file-nr}, {@code /proc/loadavg}, {@code /proc/uptime} and the listing of
 * {@code /proc}.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code os.open_fds}</td><td>file handles allocated by the kernel and in use</td><td>none</td></tr>
 *   <tr><td>{@code os.max_fds}</td><td>the kernel's limit ({@code fs.file-max})</td><td>none</td></tr>
 *   <tr><td>{@code os.processes}</td><td>processes</td><td>none</td></tr>
 *   <tr><td>{@code os.threads}</td><td>scheduling entities: every thread, kernel threads included
 *       (the denominator of the fourth field of {@code /proc/loadavg})</td><td>none</td></tr>
 *   <tr><td>{@code os.uptime_seconds}</td><td>seconds since boot</td><td>none</td></tr>
 * </table>
 */
public final class OsCollector implements Collector {

    private final ProcFs proc;

    public OsCollector(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String name() {
        return "os";
    }

    @Override
    public List<Sample> collect() throws IOException {
        long[] fileNr = parseFileNr(proc.read("sys/fs/file-nr"));
        return List.of(
                Sample.of("os.open_fds", fileNr[0]),
                Sample.of("os.max_fds", fileNr[1]),
                Sample.of("os.processes", proc.pids().length),
                Sample.of("os.threads", parseLoadavgThreads(proc.read("loadavg"))),
                Sample.of("os.uptime_seconds", parseUptime(proc.read("uptime"))));
    }

    /** In-use handles (allocated minus allocated-but-unused) and the maximum, from {@code file-nr}. */
    static long[] parseFileNr(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 3) {
            throw new IllegalArgumentException("unexpected /proc/sys/fs/file-nr: " + text.trim());
        }
        long allocated = Long.parseLong(f[0]);
        long unused = Long.parseLong(f[1]);
        return new long[] {allocated - unused, Long.parseLong(f[2])};
    }

    /** The total after the slash in the fourth field of {@code /proc/loadavg} ("2/89" gives 89). */
    static long parseLoadavgThreads(String text) {
        String[] f = text.trim().split("\\s+");
        int slash = f.length < 4 ? -1 : f[3].indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("unexpected /proc/loadavg: " + text.trim());
        }
        return Long.parseLong(f[3].substring(slash + 1));
    }

    /** The first field of {@code /proc/uptime}: seconds since boot. */
    static double parseUptime(String text) {
        String[] f = text.trim().split("\\s+");
        return Double.parseDouble(f[0]);
    }
}
