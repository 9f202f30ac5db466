package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesKeyTest {

    @Test
    void keysWithTheSameNameAndLabelsAreOneSeriesWhateverTheLabelOrder() {
        SeriesKey a = SeriesKey.of("fs.avail_bytes", "mount", "/var", "device", "/dev/sda1");
        SeriesKey b = new SeriesKey("fs.avail_bytes", new TreeMap<>(Map.of("device", "/dev/sda1", "mount", "/var")));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(SeriesKey.parse(a.toString()), a);
        Map<SeriesKey, Double> sample = new HashMap<>();
        sample.put(a, 1.0);
        sample.put(b, 2.0);
        assertEquals(Map.of(a, 2.0), sample, "the same series twice keeps one value");
    }

    @Test
    void anotherLabelValueOrNameIsAnotherSeries() {
        SeriesKey root = SeriesKey.of("fs.avail_bytes", "mount", "/");
        assertNotEquals(root, SeriesKey.of("fs.avail_bytes", "mount", "/var"));
        assertNotEquals(root, root.withName("fs.size_bytes"));
        assertNotEquals(root, SeriesKey.of("fs.avail_bytes"));
    }
}
