package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelectorTest {

    private final SeriesKey var = SeriesKey.of("fs.avail_bytes", "mount", "/var", "fstype", "ext4");
    private final SeriesKey tmp = SeriesKey.of("fs.avail_bytes", "mount", "/tmp", "fstype", "tmpfs");

    @Test
    void bareNameMatchesEverySeriesOfThatMetric() {
        Selector s = Selector.parse("fs.avail_bytes");
        assertTrue(s.matches(var));
        assertTrue(s.matches(tmp));
        assertFalse(s.matches(var.withName("fs.size_bytes")));
    }

    @Test
    void labelMatchersFilterIncludeAndExclude() {
        Selector s = Selector.parse("fs.avail_bytes{fstype!=\"tmpfs\", mount=~\"/v.*\"}");
        assertTrue(s.matches(var));
        assertFalse(s.matches(tmp));
    }

    @Test
    void regexIsAnchoredAsInPrometheus() {
        assertFalse(Selector.parse("fs.avail_bytes{mount=~\"va\"}").matches(var));
    }

    @Test
    void missingLabelComparesAsEmpty() {
        assertTrue(Selector.parse("fs.avail_bytes{device=\"\"}").matches(var));
    }

    @Test
    void keyTextRoundTripsWithEscapes() {
        SeriesKey odd = SeriesKey.of("fs.avail_bytes", "mount", "/mnt/a \"quoted\" \\ dir");
        assertEquals(odd, SeriesKey.parse(odd.toString()));
        assertEquals("fs.avail_bytes{fstype=\"ext4\",mount=\"/var\"}", var.toString());
    }

    @Test
    void badSelectorsSayWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selector.parse("fs.avail_bytes{mount=/var}"));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Selector.parse("fs.avail_bytes{mount=\"/var\""));
        assertThrows(IllegalArgumentException.class, () -> SeriesKey.parse("fs.avail_bytes{mount!=\"/\"}"));
    }
}
