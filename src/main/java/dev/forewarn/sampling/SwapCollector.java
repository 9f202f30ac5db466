package dev.forewarn.sampling;

import java.util.List;
import oshi.hardware.VirtualMemory;

/**
 * Swap space, through OSHI's {@link VirtualMemory}. A host without swap reports a total of 0,
 * which is true and therefore stored.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>name</th><th>unit</th><th>labels</th></tr>
 *   <tr><td>{@code swap.total_bytes}</td><td>bytes</td><td>none</td></tr>
 *   <tr><td>{@code swap.used_bytes}</td><td>bytes</td><td>none</td></tr>
 * </table>
 */
public final class SwapCollector implements Collector {

    private final VirtualMemory virtualMemory;

    public SwapCollector(VirtualMemory virtualMemory) {
        this.virtualMemory = virtualMemory;
    }

    @Override
    public String name() {
        return "swap";
    }

    @Override
    public List<Sample> collect() {
        return List.of(
                Sample.of("swap.total_bytes", virtualMemory.getSwapTotal()),
                Sample.of("swap.used_bytes", virtualMemory.getSwapUsed()));
    }
}
