package dev.forewarn.sampling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The heaviest processes: the top N by resident memory and the top N by open file
 * descriptors (N = 5 by default), read from {@code /proc/PID/...}.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code proc.rss_bytes}</td><td>bytes of resident memory ({@code VmRSS})</td><td>{@code name}, {@code pid}</td></tr>
 *   <tr><td>{@code proc.open_fds}</td><td>open file descriptors</td><td>{@code name}, {@code pid}</td></tr>
 *   <tr><td>{@code proc.max_fds}</td><td>its soft limit on open files ({@code RLIMIT_NOFILE}, from
 *       {@code /proc/PID/limits}), beside each {@code proc.open_fds}</td><td>{@code name}, {@code pid}</td></tr>
 *   <tr><td>{@code proc.threads}</td><td>threads</td><td>{@code name}, {@code pid}</td></tr>
 * </table>
 *
 * <p>Every process in either top list gets all three series. {@code name} is the kernel's
 * command name ({@code /proc/PID/comm}, 15 characters at most). To stay cheap the ranking
 * reads only what it ranks by ({@code statm} and the size of {@code fd/} per process, see
 * {@link ProcFs#countEntries}); the
 * full {@code status} file is read for the chosen few only. Processes of other users whose
 * {@code fd/} cannot be listed (when not run as root) are ranked by memory only; a process
 * that exits during the scan is skipped; kernel threads (no resident memory) are never listed.
 */
public final class ProcessCollector implements Collector {

    /** Name, resident bytes and thread count from {@code /proc/PID/status}. */
    record Status(String name, long rssBytes, long threads) {
    }

    private final ProcFs proc;
    private final int topN;

    /** A collector of the top {@code topN} processes by memory and by descriptors. */
    public ProcessCollector(ProcFs proc, int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException("the number of top processes must be 0 or more, not " + topN);
        }
        this.proc = proc;
        this.topN = topN;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public List<Sample> collect() {
        if (topN == 0) {
            return List.of();
        }
        int[] pids = proc.pids();
        long[] rssPages = new long[pids.length];
        long[] fds = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            try {
                rssPages[i] = parseStatmResidentPages(proc.read(pids[i] + "/statm"));
            } catch (IOException | RuntimeException gone) {
                rssPages[i] = -1;
            }
            fds[i] = rssPages[i] > 0 ? proc.countEntries(pids[i] + "/fd") : -1;
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i : topIndices(rssPages, topN)) {
            chosen.add(i);
        }
        for (int i : topIndices(fds, topN)) {
            chosen.add(i);
        }
        List<Sample> out = new ArrayList<>(chosen.size() * 3);
        for (int i : chosen) {
            Status st;
            try {
                st = parseStatus(proc.read(pids[i] + "/status"));
            } catch (IOException | RuntimeException gone) {
                continue;
            }
            if (st == null) {
                continue;
            }
            String pid = Integer.toString(pids[i]);
            out.add(Sample.of("proc.rss_bytes", st.rssBytes(), "name", st.name(), "pid", pid));
            if (fds[i] >= 0) {
                out.add(Sample.of("proc.open_fds", fds[i], "name", st.name(), "pid", pid));
                try {
                    // The soft limit is what open() runs into; "unlimited" gives no sample.
                    Long max = parseMaxOpenFiles(proc.read(pids[i] + "/limits"));
                    if (max != null) {
                        out.add(Sample.of("proc.max_fds", max, "name", st.name(), "pid", pid));
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited, or limits unreadable: the fd count stands alone
                }
            }
            out.add(Sample.of("proc.threads", st.threads(), "name", st.name(), "pid", pid));
        }
        return out;
    }

    /** The soft limit of "Max open files" in {@code /proc/PID/limits}, or null when unlimited or absent. */
    static Long parseMaxOpenFiles(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return f.length > 0 && f[0].matches("\\d+") ? Long.valueOf(f[0]) : null;
            }
        }
        return null;
    }

    /** The second field of {@code /proc/PID/statm}: resident pages. */
    static long parseStatmResidentPages(String text) {
        int a = text.indexOf(' ');
        int b = text.indexOf(' ', a + 1);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("unexpected statm: " + text.trim());
        }
        return Long.parseLong(text.substring(a + 1, b));
    }

    /** Name, VmRSS and Threads of a {@code /proc/PID/status} text; null for a kernel thread (no VmRSS). */
    static Status parseStatus(String text) {
        String name = null;
        long rssKb = -1;
        long threads = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("Name:")) {
                name = line.substring(5).trim();
            } else if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.substring(8).trim());
            }
        }
        if (name == null || rssKb < 0 || threads < 0) {
            return null;
        }
        return new Status(name, rssKb * 1024, threads);
    }

    /** Indices of the {@code n} largest positive values, largest first; ties keep the lower index. */
    static int[] topIndices(long[] values, int n) {
        Integer[] idx = new Integer[values.length];
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                idx[m++] = i;
            }
        }
        Integer[] kept = Arrays.copyOf(idx, m);
        Arrays.sort(kept, (x, y) -> values[y] != values[x] ? Long.compare(values[y], values[x]) : Integer.compare(x, y));
        int[] out = new int[Math.min(n, m)];
        for (int i = 0; i < out.length; i++) {
            out[i] = kept[i];
        }
        return out;
    }
}
