package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NetCollectorTest {

    private static final String NET_DEV = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0
              eth0: 42061853    1961    3    7    0     0          0         0   252007    1739    2    0    0     0       0          0
            wlp2s0:12345678901 99 0 1 0 0 0 0 98765 88 0 0 0 0 0 0
            """;

    @Test
    void readsEveryCounterOfEachInterface() {
        Map<String, Double> v = CpuCollectorTest.values(NetCollector.parseNetDev(NET_DEV));
        assertEquals(42061853.0, v.get("net.rx_bytes_total{iface=\"eth0\"}"));
        assertEquals(3.0, v.get("net.rx_errors_total{iface=\"eth0\"}"));
        assertEquals(7.0, v.get("net.rx_dropped_total{iface=\"eth0\"}"));
        assertEquals(252007.0, v.get("net.tx_bytes_total{iface=\"eth0\"}"));
        assertEquals(2.0, v.get("net.tx_errors_total{iface=\"eth0\"}"));
        assertEquals(12345678901.0, v.get("net.rx_bytes_total{iface=\"wlp2s0\"}"), "no space after the colon");
    }

    @Test
    void leavesLoopbackOut() {
        Map<String, Double> v = CpuCollectorTest.values(NetCollector.parseNetDev(NET_DEV));
        assertNull(v.get("net.rx_bytes_total{iface=\"lo\"}"));
        assertEquals(10, v.size());
    }

    @Test
    void readsTheHostsInterfaces() throws Exception {
        assertFalse(new NetCollector(ProcFs.system()).collect().isEmpty(), "this host has a network interface besides lo");
    }
}
