package dev.forewarn.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    @Test
    void catastrophicRegexIsMatchedInLinearTime() {
        // a backtracking engine takes minutes over this (2^30 ways to split the a's)
        SeriesKey evil = SeriesKey.of("fs.avail_bytes", "mount", "a".repeat(30) + "!");
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertFalse(Selector.parse("fs.avail_bytes{mount=~\"(.*a){20}$\"}").matches(evil));
            assertTrue(Selector.parse("fs.avail_bytes{mount!~\"(.*a){20}$\"}").matches(evil));
        });
    }

    @Test
    void alternationIsAnchoredAsAWhole() {
        Selector s = Selector.parse("fs.avail_bytes{fstype=~\"tmpfs|ext\"}");
        assertTrue(s.matches(tmp));
        assertFalse(s.matches(var), "ext4 is not ext: the whole value must match either side");
    }

    @Test
    void dotMatchesANewlineAsInPrometheus() {
        SeriesKey twoLines = SeriesKey.of("fs.avail_bytes", "mount", "/a\nb");
        assertTrue(Selector.parse("fs.avail_bytes{mount=~\"/a.b\"}").matches(twoLines));
    }

    @Test
    void backreferenceAndLookaroundAreClearSelectorErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selector.parse("fs.avail_bytes{mount=~\"(a)\\\\1\"}"));
        assertTrue(e.getMessage().startsWith("bad regular expression for label 'mount': "), e.getMessage());
        assertTrue(e.getMessage().contains("no backreferences"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Selector.parse("fs.avail_bytes{mount=~\"/(?!tmp)\"}"));
        assertTrue(e.getMessage().contains("no lookaround"), e.getMessage());
    }
}
