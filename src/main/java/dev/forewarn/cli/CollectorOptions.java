package dev.forewarn.cli;

import dev.forewarn.sampling.CollectorContext;
import dev.forewarn.sampling.CollectorRegistry;
import dev.forewarn.sampling.Sampler;
import dev.forewarn.sampling.SamplingOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options that choose collectors and tune them, shared by {@code sample}, {@code collect}
 * and {@code top}: {@code --collectors a,b} runs exactly those, {@code --enable}/{@code --disable}
 * adjust the default set, {@code --top-processes N}, {@code --tmpfs}.
 */
public final class CollectorOptions {

    @Option(names = "--collectors", split = ",", paramLabel = "NAME",
            description = "Run exactly these collectors (comma-separated). Known: filesystem, memory, swap, cpu, disk, net, sensors, power, processes, os, and any added later; see the README.")
    List<String> only = new ArrayList<>();

    @Option(names = "--enable", split = ",", paramLabel = "NAME", description = "Also run these collectors (e.g. ones off by default).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", split = ",", paramLabel = "NAME", description = "Do not run these collectors.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--top-processes", paramLabel = "N", defaultValue = "5",
            description = "How many processes to keep by memory and by open descriptors (default: ${DEFAULT-VALUE}; 0 for none).")
    int topProcesses;

    @Option(names = "--tmpfs", description = "Also sample tmpfs mounts (memory-backed, skipped by default).")
    boolean tmpfs;

    /** The registry to choose from; tests and later features may hand in a bigger one. */
    CollectorRegistry registry = CollectorRegistry.builtIn();

    /** The sampling options these flags ask for. */
    public SamplingOptions samplingOptions() {
        if (topProcesses < 0) {
            throw new UserException("--top-processes must be 0 or more, not " + topProcesses, ExitCodes.USAGE, null);
        }
        return new SamplingOptions(topProcesses, tmpfs, SamplingOptions.defaults().cpuWindowMillis());
    }

    /** The names of the collectors to run; an unknown name is a usage error that lists the known ones. */
    public List<String> selected() {
        try {
            return registry.select(only, enable, disable);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** A sampler over the selected collectors of this host; build it once and keep it for a loop. */
    public Sampler sampler() {
        return sampler(selected());
    }

    /** A sampler over these collectors of this host. */
    public Sampler sampler(List<String> names) {
        return registry.sampler(names, CollectorContext.system(samplingOptions()));
    }

    /**
     * Of the {@link #selected} collectors ({@code chosen}), those a one-shot sample at
     * {@code nowMillis} should read: a collector with a minimum interval (SMART) is left out while
     * its last read ({@code lastReadMillis}) is recent, unless {@code --collectors} or
     * {@code --enable} names it.
     */
    public List<String> due(List<String> chosen, Map<String, Long> lastReadMillis, long nowMillis) {
        Set<String> due = new HashSet<>(registry.due(chosen, lastReadMillis, nowMillis));
        for (List<String> named : List.of(only, enable)) {
            named.forEach(name -> due.add(name.trim()));
        }
        List<String> out = new ArrayList<>(chosen);
        out.removeIf(name -> !due.contains(name));
        return out;
    }

    /** Of {@code names}, the collectors whose read times a store keeps for {@link #due}. */
    public List<String> throttled(List<String> names) {
        return registry.throttled(names);
    }
}
