package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.series.SeriesKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static Collector fixed(String name, Sample... samples) {
        return new Collector() {
            public String name() { return name; }
            public List<Sample> collect() { return List.of(samples); }
        };
    }

    private static Collector failing(String name) {
        return new Collector() {
            public String name() { return name; }
            public List<Sample> collect() throws IOException { throw new IOException("permission denied: /dev/sda"); }
        };
    }

    private static SeriesKey success(String collector) {
        return SeriesKey.of("forewarn.collector.success", "collector", collector);
    }

    @Test
    void failingCollectorRecordsZeroAndTheOthersStillCount() {
        Sampler sampler = Sampler.of(List.of(fixed("memory", Sample.of("mem.total_bytes", 1e9)), failing("smart"), fixed("os", Sample.of("os.processes", 80))));
        Map<SeriesKey, Double> sample = sampler.sample();
        assertEquals(1e9, sample.get(SeriesKey.of("mem.total_bytes")));
        assertEquals(80.0, sample.get(SeriesKey.of("os.processes")));
        assertEquals(1.0, sample.get(success("memory")));
        assertEquals(0.0, sample.get(success("smart")));
        assertEquals(1.0, sample.get(success("os")));
        assertTrue(sample.get(SeriesKey.of("forewarn.collector.duration_seconds", "collector", "smart")) >= 0);
    }

    @Test
    void collectorThatCannotBeBuiltFailsLikeOneThatThrows() {
        Sampler sampler = new Sampler(List.of(
                Sampler.Slot.lazy("sensors", () -> { throw new UnsatisfiedLinkError("no libudev"); }),
                Sampler.Slot.lazy("os", () -> fixed("os", Sample.of("os.processes", 80)))));
        Map<SeriesKey, Double> sample = sampler.sample();
        assertEquals(0.0, sample.get(success("sensors")));
        assertEquals(80.0, sample.get(SeriesKey.of("os.processes")));
    }

    @Test
    void nonFiniteValuesAreDropped() {
        Map<SeriesKey, Double> sample = Sampler.of(List.of(fixed("x", Sample.of("a", Double.NaN), Sample.of("b", 2)))).sample();
        assertFalse(sample.containsKey(SeriesKey.of("a")));
        assertEquals(2.0, sample.get(SeriesKey.of("b")));
    }
}
