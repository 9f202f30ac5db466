package dev.forewarn.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every collector forewarn knows, in one explicit list with its name and whether it runs by
 * default (node_exporter's {@code registerCollector}, without static initialisers). A new
 * collector is one more line in {@link #builtIn()}.
 *
 * <p>Selection from the command line: {@code --collectors a,b} runs exactly those;
 * {@code --enable x} adds to the defaults and {@code --disable x} takes away (see
 * {@link #select}).
 */
public final class CollectorRegistry {

    /**
     * One registered collector.
     *
     * @param name             the name used on the command line and in {@code forewarn.collector.*{collector=...}}
     * @param enabledByDefault whether it runs without being asked for
     * @param description      one line for {@code --help} and the README
     * @param minIntervalMillis read at most this often (0: at every sample), for families that
     *                          change slowly and cost a process per read
     * @param factory          builds the collector from the host's context
     */
    public record Entry(String name, boolean enabledByDefault, String description, long minIntervalMillis,
                        Function<CollectorContext, Collector> factory) {

        /** An entry read at every sample. */
        public Entry(String name, boolean enabledByDefault, String description, Function<CollectorContext, Collector> factory) {
            this(name, enabledByDefault, description, 0, factory);
        }
    }

    /** SMART is read at most this often (10 minutes): smartctl costs a process per disk, and the attributes move over days. */
    static final long SMART_INTERVAL_MILLIS = 10 * 60_000L;

    private final Map<String, Entry> entries;

    /** A registry over these entries, in this order. */
    public CollectorRegistry(List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (map.put(e.name(), e) != null) {
                throw new IllegalArgumentException("collector registered twice: " + e.name());
            }
        }
        this.entries = map;
    }

    /** The collectors that ship with forewarn. */
    public static CollectorRegistry builtIn() {
        return new CollectorRegistry(List.of(
                new Entry("filesystem", true, "space and inodes of local filesystems (fs.*)",
                        ctx -> new FilesystemCollector(ctx.operatingSystem().getFileSystem(), ctx.proc(), StatvfsProbe.create(),
                                ctx.options().includeTmpfs())),
                new Entry("memory", true, "physical memory (mem.*)",
                        ctx -> new MemoryCollector(ctx.hardware().getMemory())),
                new Entry("swap", true, "swap space (swap.*)",
                        ctx -> new SwapCollector(ctx.hardware().getMemory().getVirtualMemory())),
                new Entry("cpu", true, "load averages and busy ratio (cpu.*)",
                        ctx -> new CpuCollector(ctx.proc(), ctx.options().cpuWindowMillis())),
                new Entry("disk", true, "block device I/O counters (disk.*)",
                        ctx -> new DiskCollector(ctx.proc())),
                new Entry("net", true, "network interface counters (net.*)",
                        ctx -> new NetCollector(ctx.proc())),
                new Entry("sensors", true, "CPU temperature, fans, voltage when the hardware reports them (sensor.*)",
                        ctx -> new SensorsCollector(ctx.hardware().getSensors())),
                new Entry("power", true, "battery charge, health and cycles when there is a battery (power.*)",
                        ctx -> new PowerCollector(() -> ctx.hardware().getPowerSources())),
                new Entry("processes", true, "top processes by memory and by open descriptors (proc.*)",
                        ctx -> new ProcessCollector(ctx.proc(), ctx.options().topProcesses())),
                new Entry("os", true, "file handles, processes, threads, uptime (os.*)",
                        ctx -> new OsCollector(ctx.proc())),
                new Entry("smart", true, "disk health from smartctl --json, as root (smart.*)", SMART_INTERVAL_MILLIS,
                        ctx -> new SmartCollector())));
    }

    /** This registry with one more entry at the end. */
    public CollectorRegistry with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries.values());
        all.add(entry);
        return new CollectorRegistry(all);
    }

    /** Every entry, in registration order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The names of the collectors that run by default. */
    public Set<String> defaults() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries.values()) {
            if (e.enabledByDefault()) {
                out.add(e.name());
            }
        }
        return out;
    }

    /**
     * The collectors to run: {@code only} when it is not empty, else the defaults; then plus
     * {@code enable}, minus {@code disable}. Names are checked; the result keeps registry order.
     *
     * @throws IllegalArgumentException naming an unknown collector and listing the known ones
     */
    public List<String> select(List<String> only, List<String> enable, List<String> disable) {
        Set<String> chosen = new LinkedHashSet<>(only.isEmpty() ? defaults() : checked(only));
        chosen.addAll(checked(enable));
        chosen.removeAll(checked(disable));
        List<String> ordered = new ArrayList<>();
        for (String name : entries.keySet()) {
            if (chosen.contains(name)) {
                ordered.add(name);
            }
        }
        return ordered;
    }

    /**
     * A sampler over the named collectors, built from {@code context}. Within the sampler's life
     * (a {@code collect} loop), a collector with a minimum interval is read at most that often.
     */
    public Sampler sampler(List<String> names, CollectorContext context) {
        List<Sampler.Slot> slots = new ArrayList<>();
        for (String name : checked(names)) {
            Entry e = entries.get(name);
            slots.add(Sampler.Slot.lazy(name, () -> e.minIntervalMillis() > 0
                    ? new ThrottledCollector(e.factory().apply(context), e.minIntervalMillis())
                    : e.factory().apply(context)));
        }
        return new Sampler(slots);
    }

    /**
     * The named collectors that are due at {@code nowMillis}, for one-shot samples in separate
     * processes: those read at every sample, and those with a minimum interval whose last read
     * ({@code lastReadMillis}, epoch ms by name) is missing, that long ago or more, or in the
     * future (the clock was set back). Keeps the order of {@code names}.
     */
    public List<String> due(List<String> names, Map<String, Long> lastReadMillis, long nowMillis) {
        List<String> out = new ArrayList<>();
        for (String name : checked(names)) {
            long interval = entries.get(name).minIntervalMillis();
            Long last = lastReadMillis.get(name);
            if (interval <= 0 || last == null || nowMillis < last || nowMillis - last >= interval) {
                out.add(name);
            }
        }
        return out;
    }

    /** The named collectors that have a minimum interval, whose reads are worth remembering. */
    public List<String> throttled(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : checked(names)) {
            if (entries.get(name).minIntervalMillis() > 0) {
                out.add(name);
            }
        }
        return out;
    }

    private List<String> checked(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!entries.containsKey(name)) {
                throw new IllegalArgumentException("unknown collector '" + name + "'; known: " + String.join(", ", entries.keySet()));
            }
            out.add(name);
        }
        return out;
    }
}
