package dev.forewarn.sampling;

import java.util.List;
import oshi.hardware.GlobalMemory;

/**
 * Physical memory, through OSHI's {@link GlobalMemory} (on Linux one read of
 * {@code /proc/meminfo}, kept by OSHI for a few hundred milliseconds).
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code mem.total_bytes}</td><td>bytes</td><td>none</td></tr>
 *   <tr><td>{@code mem.available_bytes}</td><td>bytes the kernel can hand out without swapping
 *       ({@code MemAvailable}), not merely free</td><td>none</td></tr>
 * </table>
 */
public final class MemoryCollector implements Collector {

    private final GlobalMemory memory;

    public MemoryCollector(GlobalMemory memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Sample> collect() {
        long total = memory.getTotal();
        if (total <= 0) {
            throw new IllegalStateException("the total memory size is unknown");
        }
        return List.of(
                Sample.of("mem.total_bytes", total),
                Sample.of("mem.available_bytes", memory.getAvailable()));
    }
}
