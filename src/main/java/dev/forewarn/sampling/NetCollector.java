package dev.forewarn.sampling;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Network interface counters from {@code /proc/net/dev} (one small read instead of OSHI's
 * interface scan).
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code net.rx_bytes_total}, {@code net.tx_bytes_total}</td><td>bytes since the interface came up</td><td>{@code iface}</td></tr>
 *   <tr><td>{@code net.rx_errors_total}, {@code net.tx_errors_total}</td><td>packets</td><td>{@code iface}</td></tr>
 *   <tr><td>{@code net.rx_dropped_total}</td><td>packets</td><td>{@code iface}</td></tr>
 * </table>
 *
 * <p>The loopback interface {@code lo} is left out: its traffic never leaves the host, so it
 * neither fills a link nor reveals a failing cable, and it would only add series to the store.
 */
public final class NetCollector implements Collector {

    private final ProcFs proc;

    public NetCollector(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String name() {
        return "net";
    }

    @Override
    public List<Sample> collect() throws IOException {
        return parseNetDev(proc.read("net/dev"));
    }

    /**
     * The samples of every interface but {@code lo} in the text of {@code /proc/net/dev}: two
     * header lines, then {@code iface: rx_bytes packets errs drop fifo frame compressed multicast
     * tx_bytes packets errs drop ...}.
     */
    static List<Sample> parseNetDev(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // header lines
            }
            String iface = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (iface.equals("lo") || f.length < 16) {
                continue;
            }
            out.add(Sample.of("net.rx_bytes_total", Long.parseLong(f[0]), "iface", iface));
            out.add(Sample.of("net.rx_errors_total", Long.parseLong(f[2]), "iface", iface));
            out.add(Sample.of("net.rx_dropped_total", Long.parseLong(f[3]), "iface", iface));
            out.add(Sample.of("net.tx_bytes_total", Long.parseLong(f[8]), "iface", iface));
            out.add(Sample.of("net.tx_errors_total", Long.parseLong(f[10]), "iface", iface));
        }
        return out;
    }
}
