package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's human surfaces say durations in words ({@code in 36 hours}, {@code the last 35 days},
 * {@code 1.1 years}), never in unit letters: neither the old two-unit form ({@code 23d 19h},
 * {@code 5h 20m}) nor a bare {@code 2d} or {@code 12h}. Machine parts (the Nagios perfdata after
 * {@code |}, the report's embedded JSON) keep their own forms and are left out.
 */
class DurationWordsTest {

    /** A number glued to a unit letter, alone or in pairs: 23d 19h, 2d, 12h, 30m, 45s (not 500ms, not 'x'=3s perfdata). */
    private static final Pattern LETTERS = Pattern.compile("(?<![\\w.'=+-])\\d+(\\.\\d+)?[dhms](?![\\w'])");
    private static final Pattern WORDS = Pattern.compile("\\d (second|minute|hour|day|year)s?\\b");

    @TempDir
    Path dir;

    private static String human(String text) {
        return text.replaceAll("(?m) \\| '.*$", "") // perfdata of the first line
                .replaceAll("(?s)<!-- forewarn-report.*?-->", "");
    }

    private static void assertWords(String what, String text) {
        String visible = human(text);
        Matcher m = LETTERS.matcher(visible);
        if (m.find()) {
            int from = Math.max(0, visible.lastIndexOf('\n', m.start()) + 1);
            int to = visible.indexOf('\n', m.end());
            throw new AssertionError(what + " writes a duration in unit letters ('" + m.group() + "'): "
                    + visible.substring(from, to < 0 ? visible.length() : to));
        }
        assertTrue(WORDS.matcher(visible).find(), what + " says no duration at all, so the sweep read nothing: " + visible);
    }

    @Test
    void demoCheckForecastExplainAndReportSayDurationsInWords() throws IOException {
        String store = dir.resolve("demo.db").toString();
        assertEquals(0, CliRun.of("demo", "--store", store).exitCode());
        CliRun check = CliRun.of("check", "--store", store, "-v");
        assertWords("check", check.out());
        for (String sel : new String[] {"fs.avail_bytes", "mem.available_bytes", "proc.rss_bytes"}) {
            CliRun f = CliRun.of("forecast", "--store", store, sel, "--to-zero", "-v");
            assertWords("forecast " + sel, f.out());
        }
        for (String id : new String[] {"fs-space", "mem-available", "smart-reallocated"}) {
            assertWords("rules explain " + id, CliRun.of("rules", "explain", id, "--store", store).out());
        }
        Path md = dir.resolve("report.md");
        CliRun r = CliRun.of("report", "--store", store, "-o", md.toString());
        assertEquals(0, r.exitCode(), r::err);
        assertWords("report.md", Files.readString(md, StandardCharsets.UTF_8));
    }

    @Test
    void theLetterPatternCatchesTheOldForms() {
        for (String old : new String[] {"in 23d 19h (Sat", "needs at least 2d of history", "about 12h more", "in 5h 20m", "within 30m)", "45s"}) {
            assertTrue(LETTERS.matcher(human(old)).find(), old);
        }
        for (String fine : new String[] {"in 24 days (Sat", "'fs-space:/var days'=10;14:;3:;0", "500ms", "7-day blocks", "sda3"}) {
            assertTrue(!LETTERS.matcher(human("x " + fine)).find(), fine);
        }
    }
}
