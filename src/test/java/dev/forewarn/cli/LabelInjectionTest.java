package dev.forewarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile label values, imported from a CSV as an attacker (or an odd mount point) would bring
 * them, go through the real {@code check}, {@code show} and {@code report --format md}: no label
 * may move Nagios's split between status and perfdata, add a line, or reach the terminal as a
 * control or bidirectional character.
 */
class LabelInjectionTest {

    private static final String PIPE = "/data|fake_perf=1;2;3";
    private static final String NEWLINE = "/x\nCRITICAL - fake";
    private static final String ESC = "/e\u001b[31mred";
    private static final String BIDI = "/b\u202etxt";
    private static final String QUOTE = "/it's";
    private static final List<String> MOUNTS = List.of(PIPE, NEWLINE, ESC, BIDI, QUOTE);

    @TempDir
    Path dir;

    private String store;

    /** Each mount fills 0.4 GB an hour out of 100 GB, so every one is CRITICAL and named in every output. */
    @BeforeEach
    void importHostileLabels() throws IOException {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder csv = new StringBuilder("time,series,value\n");
        for (String m : MOUNTS) {
            String selectorValue = m.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            for (int i = 0; i < 240; i++) {
                long t = now - (240 - i) * 3600L;
                for (String metric : new String[] {"fs.avail_bytes", "fs.size_bytes"}) {
                    String sel = metric + "{mount=\"" + selectorValue + "\"}";
                    long v = metric.equals("fs.size_bytes") ? 100_000_000_000L : 100_000_000_000L - i * 400_000_000L;
                    csv.append(t).append(",\"").append(sel.replace("\"", "\"\"")).append("\",").append(v).append('\n');
                }
            }
        }
        Path file = dir.resolve("hostile.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        store = dir.resolve("forewarn.db").toString();
        CliRun r = CliRun.of("import", "--store", store, file.toString());
        assertEquals(0, r.exitCode(), r::err);
    }

    private static void assertNoControlOrBidi(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
            assertFalse(bad, () -> what + " holds U+" + String.format("%04X", (int) c) + ":\n" + text);
        }
    }

    @Test
    void checkKeepsOnePipeAndOneLinePerFindingWithQuotedPerfdataLabels() {
        CliRun r = CliRun.of("check", "--store", store);
        assertEquals(2, r.exitCode(), r::out);
        assertNoControlOrBidi("check", r.out());
        for (String line : r.out().split("\n")) {
            assertTrue(line.matches("(FOREWARN |CRITICAL |WARNING |UNKNOWN |RESOLVED |note: ).*"), () -> "a line no finding made: " + line);
            assertFalse(line.startsWith("CRITICAL - "), line);
        }
        List<String> lines = r.out().lines().toList();
        assertEquals(MOUNTS.size(), lines.stream().filter(l -> l.startsWith("CRITICAL ")).count(), r::out);
        String first = lines.get(0);
        assertEquals(1, first.chars().filter(c -> c == '|').count(), first);
        for (String l : lines.subList(1, lines.size())) {
            assertFalse(l.contains("|"), () -> "Nagios reads a '|' in long output as perfdata: " + l);
        }
        List<String> labels = perfLabels(first.substring(first.indexOf('|') + 1));
        assertTrue(labels.contains("fs-space:/it's"), labels::toString);
        assertTrue(labels.stream().noneMatch(l -> l.contains("=") || l.contains("|")), labels::toString);
        assertTrue(labels.contains("fs-space:/data\u00a6fake_perf:1;2;3"), labels::toString);
    }

    /** Labels of perfdata as the plugin guidelines define them; fails when the text is not a sequence of well-formed items. */
    private static List<String> perfLabels(String perf) {
        Pattern item = Pattern.compile("\\G\\s*('((?:[^']|'')*)'|([^\\s'=]+))=(-?[0-9.]+)([a-zA-Z%]*)(;[^\\s;]*){0,4}");
        Matcher m = item.matcher(perf);
        List<String> out = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            out.add(m.group(2) != null ? m.group(2).replace("''", "'") : m.group(3));
            end = m.end();
        }
        assertEquals(perf.length(), end, () -> "perfdata not well formed: " + perf);
        return out;
    }

    @Test
    void showListsAndDrawsEverySeriesOnItsOwnLineWithoutControlCharacters() {
        CliRun list = CliRun.of("show", "--store", store);
        assertEquals(0, list.exitCode(), list::err);
        assertNoControlOrBidi("show", list.out());
        assertEquals(2 * MOUNTS.size(), list.out().lines().count(), list::out);
        assertTrue(list.out().contains("/x\\nCRITICAL - fake"), list::out);
        assertTrue(list.out().contains("/e\\x1b[31mred"), list::out);
        assertTrue(list.out().contains("/b\\u202etxt"), list::out);

        CliRun points = CliRun.of("show", "--store", store, "fs.avail_bytes");
        assertEquals(0, points.exitCode(), points::err);
        assertNoControlOrBidi("show SELECTOR", points.out());
        assertEquals(MOUNTS.size(), points.out().lines().count(), points::out);
    }

    @Test
    void markdownReportHoldsNoControlCharacterAndNoForgedLine() throws IOException {
        Path md = dir.resolve("report.md");
        CliRun r = CliRun.of("report", "--store", store, "-o", md.toString());
        assertEquals(0, r.exitCode(), r::err);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertNoControlOrBidi("report.md", text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("CRITICAL - fake")), text);
    }

    @Test
    void htmlReportHoldsNoControlOrBidiCharacter() throws IOException {
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", "--store", store, "-o", html.toString());
        assertEquals(0, r.exitCode(), r::err);
        assertNoControlOrBidi("report.html", Files.readString(html, StandardCharsets.UTF_8));
    }

    @Test
    void forecastTextHoldsNoControlCharacter() {
        CliRun r = CliRun.of("forecast", "--store", store, "fs.avail_bytes");
        assertEquals(0, r.exitCode(), r::err);
        assertNoControlOrBidi("forecast", r.out());
        assertEquals(MOUNTS.size(), r.out().lines().count(), r::out);
    }
}
