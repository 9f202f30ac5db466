package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

class MemoryCollectorTest {

    @Test
    void readsTotalAndAvailableMemoryOfThisHost() {
        GlobalMemory memory = new SystemInfo().getHardware().getMemory();
        Map<String, Double> v = CpuCollectorTest.values(new MemoryCollector(memory).collect());
        assertTrue(v.get("mem.total_bytes") > 64L * 1024 * 1024);
        assertTrue(v.get("mem.available_bytes") > 0 && v.get("mem.available_bytes") <= v.get("mem.total_bytes"));
    }

    @Test
    void readsSwapOfThisHostEvenWhenThereIsNone() {
        GlobalMemory memory = new SystemInfo().getHardware().getMemory();
        Map<String, Double> v = CpuCollectorTest.values(new SwapCollector(memory.getVirtualMemory()).collect());
        assertEquals(2, v.size());
        assertTrue(v.get("swap.used_bytes") >= 0 && v.get("swap.used_bytes") <= v.get("swap.total_bytes"));
    }
}
