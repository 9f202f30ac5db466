package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {

    private final CollectorRegistry registry = CollectorRegistry.builtIn();

    @Test
    void everyCatalogueFamilyIsRegisteredAndOnByDefault() {
        assertEquals(List.of("filesystem", "memory", "swap", "cpu", "disk", "net", "sensors", "power", "processes", "os", "smart"),
                registry.select(List.of(), List.of(), List.of()));
    }

    @Test
    void collectorsOptionRunsExactlyTheNamedOnesInRegistryOrder() {
        assertEquals(List.of("memory", "os"), registry.select(List.of("os", "memory"), List.of(), List.of()));
    }

    @Test
    void enableAndDisableAdjustTheDefaults() {
        CollectorRegistry withExtra = registry.with(new CollectorRegistry.Entry("extra", false, "test", ctx -> null));
        List<String> chosen = withExtra.select(List.of(), List.of("extra"), List.of("processes", "sensors"));
        assertTrue(chosen.contains("extra") && !chosen.contains("processes") && !chosen.contains("sensors"), chosen.toString());
    }

    @Test
    void smartIsDueAgainOnlyTenMinutesAfterItsLastReadAndTheOthersAlways() {
        List<String> all = registry.select(List.of(), List.of(), List.of());
        long read = 1_773_446_400_000L;
        List<String> withoutSmart = all.subList(0, all.size() - 1);
        assertEquals(all, registry.due(all, Map.of(), read), "never read: due");
        assertEquals(withoutSmart, registry.due(all, Map.of("smart", read), read + 9 * 60_000L + 59_999));
        assertEquals(all, registry.due(all, Map.of("smart", read), read + 10 * 60_000L));
        assertEquals(all, registry.due(all, Map.of("smart", read), read - 60_000L), "the clock was set back: due");
        assertEquals(List.of("smart"), registry.throttled(all));
    }

    @Test
    void aThrottledCollectorInOneSamplerIsReadOnceAndThenSkipped() {
        int[] reads = {0};
        CollectorRegistry r = new CollectorRegistry(List.of(new CollectorRegistry.Entry("slow", true, "test", 60_000L,
                ctx -> new Collector() {
                    @Override
                    public String name() {
                        return "slow";
                    }

                    @Override
                    public List<Sample> collect() {
                        reads[0]++;
                        return List.of(Sample.of("slow.value", 1));
                    }
                })));
        Sampler sampler = r.sampler(List.of("slow"), CollectorContext.system(SamplingOptions.defaults()));
        assertTrue(sampler.sample().containsKey(SeriesKey.of("slow.value")));
        assertFalse(sampler.sample().containsKey(SeriesKey.of("slow.value")));
        assertEquals(1, reads[0]);
    }

    @Test
    void unknownNameIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.select(List.of("fs"), List.of(), List.of()));
        assertTrue(e.getMessage().contains("unknown collector 'fs'") && e.getMessage().contains("filesystem"), e.getMessage());
    }

    @Test
    void defaultSampleOfThisHostHasEveryLinuxFamilyAndAllCollectorsSucceed() {
        List<String> names = registry.select(List.of(), List.of(), List.of());
        Map<SeriesKey, Double> sample = registry.sampler(names, CollectorContext.system(new SamplingOptions(3, false, 20))).sample();
        Set<String> families = new TreeSet<>();
        for (SeriesKey k : sample.keySet()) {
            families.add(k.name().substring(0, k.name().indexOf('.')));
        }
        assertTrue(families.containsAll(Set.of("fs", "mem", "swap", "cpu", "disk", "net", "os", "proc")), families.toString());
        for (String n : names) {
            assertEquals(1.0, sample.get(SeriesKey.of("forewarn.collector.success", "collector", n)), n);
        }
    }
}
