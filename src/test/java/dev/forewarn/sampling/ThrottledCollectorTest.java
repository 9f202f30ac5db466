package dev.forewarn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledCollectorTest {

    @Test
    void readsAtMostOncePerIntervalAndReturnsNothingInBetween() throws Exception {
        int[] reads = {0};
        long[] now = {1_000};
        Collector counting = new Collector() {
            public String name() { return "smart"; }
            public List<Sample> collect() { reads[0]++; return List.of(Sample.of("smart.healthy", 1, "disk", "/dev/sda")); }
        };
        ThrottledCollector throttled = new ThrottledCollector(counting, 600_000, () -> now[0]);
        assertEquals(1, throttled.collect().size(), "the first call reads");
        now[0] += 60_000;
        assertTrue(throttled.collect().isEmpty(), "a minute later: nothing, not a repeated value");
        now[0] += 540_000;
        assertEquals(1, throttled.collect().size(), "ten minutes after the first read");
        assertEquals(2, reads[0]);
        assertEquals("smart", throttled.name());
    }

    @Test
    void failureCountsAsARead() {
        long[] now = {0};
        ThrottledCollector throttled = new ThrottledCollector(new Collector() {
            public String name() { return "smart"; }
            public List<Sample> collect() throws IOException { throw new IOException("smartctl timed out"); }
        }, 600_000, () -> now[0]);
        assertThrows(IOException.class, throttled::collect);
        now[0] += 1_000;
        assertDoesNotThrowAndIsEmpty(throttled);
    }

    private static void assertDoesNotThrowAndIsEmpty(ThrottledCollector c) {
        try {
            assertTrue(c.collect().isEmpty());
        } catch (Exception e) {
            throw new AssertionError("retried within the interval", e);
        }
    }
}
