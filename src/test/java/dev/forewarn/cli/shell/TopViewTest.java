package dev.forewarn.cli.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forewarn.cli.shell.TopSnapshot.Panel;
import dev.forewarn.cli.shell.TopSnapshot.Row;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class TopViewTest {

    private static final long NOW = 1_773_478_800_000L; // 2026-03-14T09:00:00Z
    private final TopView view = new TopView(true, true, ZoneOffset.UTC);

    private static Row row(String label, double used, String eta, long etaMillis) {
        return new Row(label, "x GB free of y GB", used, new double[] {1, 2, 3, 4}, eta, etaMillis, false);
    }

    private static TopSnapshot snapshot(int filesystems) {
        List<Row> fs = new ArrayList<>();
        for (int i = 0; i < filesystems; i++) {
            fs.add(row("/data" + i, i / (double) filesystems, "no trend", Long.MAX_VALUE));
        }
        fs.add(row("/", 0.97, "Sat 14 Mar", NOW + 86_400_000L));
        return new TopSnapshot(NOW, "web1", List.of(
                new Panel(Panel.Kind.FILESYSTEMS, fs),
                new Panel(Panel.Kind.MEMORY, List.of(row("used", 0.5, "no trend", Long.MAX_VALUE))),
                new Panel(Panel.Kind.SWAP, List.of(row("used", 0.1, "learning", Long.MAX_VALUE))),
                new Panel(Panel.Kind.CPU, List.of(row("busy", 0.2, "no trend", Long.MAX_VALUE),
                        new Row("load1", "0.52", Double.NaN, new double[0], "", Long.MAX_VALUE, false))),
                new Panel(Panel.Kind.DISKS, List.of(new Row("sda", "r 1 MB/s  w 0 B/s", 0.05, new double[0], "", Long.MAX_VALUE, false))),
                new Panel(Panel.Kind.NETWORK, List.of(new Row("eth0", "rx 1 kB/s  tx 2 kB/s", Double.NaN, new double[0], "", Long.MAX_VALUE, false)))));
    }

    private List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    @Test
    void everyPanelTheHelpLineAndTheRootFilesystemFitIn80By24() {
        List<String> lines = text(view.render(snapshot(3), TopState.initial(), 2_000, 80, 24));
        assertEquals(24, lines.size());
        for (String l : lines) {
            assertTrue(l.length() <= 79, "no line reaches the last column: '" + l + "'");
        }
        assertTrue(lines.get(0).contains("forewarn top") && lines.get(0).contains("web1") && lines.get(0).contains("09:00:00"));
        for (Panel.Kind k : Panel.Kind.values()) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(k.title())), k.title() + " is shown");
        }
        assertTrue(lines.get(23).contains("q quit"), "help line at the bottom");
        String root = lines.stream().filter(l -> l.startsWith(" /  ")).findFirst().orElseThrow();
        assertTrue(root.contains("97%") && root.contains("Sat 14 Mar"), root);
    }

    @Test
    void fullestFilesystemComesFirstWhenSortedByUse() {
        List<String> lines = text(view.render(snapshot(3), TopState.initial(), 2_000, 80, 24));
        int title = indexOf(lines, "Filesystems");
        assertTrue(lines.get(title + 1).startsWith(" /  "), lines.get(title + 1));
    }

    @Test
    void panelThatDoesNotFitSaysHowManyRowsAreHiddenAndOthersKeepOneRow() {
        List<String> lines = text(view.render(snapshot(40), TopState.initial(), 2_000, 80, 24));
        assertEquals(24, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*Filesystems \\+\\d+.*")), "hidden rows are counted");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(" eth0")), "the last panel keeps a row");
    }

    @Test
    void filterKeepsMatchingRowsOnly() {
        TopState state = TopState.initial().onKey('/').onKey('e').onKey('t').onKey('h').onKey('\r');
        List<String> lines = text(view.render(snapshot(3), state, 2_000, 80, 24));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(" eth0")));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(" /")), "filesystem rows are filtered out");
        assertTrue(lines.get(0).contains("filter: eth"));
    }

    @Test
    void narrowScreenDropsTheSparklineButKeepsTheDate() {
        List<String> lines = text(view.render(snapshot(1), TopState.initial(), 2_000, 50, 12));
        assertEquals(12, lines.size());
        String root = lines.stream().filter(l -> l.startsWith(" /  ")).findFirst().orElseThrow();
        assertTrue(root.contains("Sat 14 Mar"), root);
        assertTrue(root.length() <= 49);
    }

    @Test
    void noColourMeansNoColourCodes() {
        TopView plain = new TopView(false, true, ZoneOffset.UTC);
        for (AttributedString l : plain.render(snapshot(2), TopState.initial(), 2_000, 80, 24)) {
            String ansi = l.toAnsi(256, org.jline.utils.AttributedCharSequence.ForceMode.Force256Colors);
            assertTrue(!ansi.matches("(?s).*\u001b\\[[0-9;]*3[0-7]m.*") && !ansi.contains("38;5;"), "colour code in: " + ansi);
        }
    }

    @Test
    void theHeaderSaysHowOldSamplesThatAreNotLiveAre() {
        TopSnapshot live = snapshot(1);
        assertFalse(text(view.render(live, TopState.initial(), 2_000, 100, 24)).get(0).contains("ago"));
        TopSnapshot old = new TopSnapshot(NOW, live.host(), live.panels(), NOW + 45 * 60_000L);
        String header = text(view.render(old, TopState.initial(), 2_000, 100, 24)).get(0);
        assertTrue(header.contains("last sample " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(NOW)) + ", 45 minutes ago"), header);
        // a 5-minute timer's sample, read with --no-sample, is live
        TopSnapshot recent = new TopSnapshot(NOW, live.host(), live.panels(), NOW + 5 * 60_000L);
        assertFalse(text(view.render(recent, TopState.initial(), 2_000, 100, 24)).get(0).contains("ago"));
        TopSnapshot days = new TopSnapshot(NOW, live.host(), live.panels(), NOW + 3 * 86_400_000L);
        assertTrue(text(view.render(days, TopState.initial(), 2_000, 100, 24)).get(0).contains(", 3 days ago"));
    }

    @Test
    void plainSnapshotListsEveryRowWithoutEscapeCodes() {
        List<String> lines = TopView.plain(snapshot(30), TopState.initial(), 2_000, 100, ZoneOffset.UTC, true);
        assertEquals(31, lines.stream().filter(l -> l.startsWith(" /")).count(), "all 31 filesystems, none hidden");
        assertTrue(lines.stream().noneMatch(l -> l.contains("\u001b")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("q quit")), "no key help when nobody can press keys");
    }

    @Test
    void focusedPanelGetsItsRowsFirst() {
        List<List<Row>> rows = List.of(rowsOf(10), rowsOf(10), rowsOf(1));
        int[] shown = TopView.allocate(rows, 1, 12);
        assertArrayEquals(new int[] {1, 7, 1}, shown, "3 titles, one row each, the rest to the focused panel");
    }

    private static List<Row> rowsOf(int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row("r" + i, 0, "", Long.MAX_VALUE));
        }
        return out;
    }

    private static int indexOf(List<String> lines, String s) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(s)) {
                return i;
            }
        }
        throw new AssertionError(s + " not on screen: " + lines);
    }
}
