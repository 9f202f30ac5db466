package dev.forewarn.cli.shell;

import dev.forewarn.series.SafeText;
import dev.forewarn.series.Times;
import java.time.Duration;
import dev.forewarn.cli.Sparkline;
import dev.forewarn.cli.shell.TopSnapshot.Panel;
import dev.forewarn.cli.shell.TopSnapshot.Row;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Lays out a {@link TopSnapshot} for a screen of {@code width} × {@code height} characters: a
 * header, the six panels (the focused one gets its rows first, every other at least its title
 * and one row), and a help line at the bottom. A pure function of its inputs, so it is tested
 * without a terminal and a frame costs only string building.
 *
 * @param color   use colours (false under {@code NO_COLOR}); bold and reverse video stay
 * @param unicode draw sparklines with block characters (false when the terminal is not UTF-8)
 * @param zone    zone for the clock in the header
 */
record TopView(boolean color, boolean unicode, ZoneId zone) {

    static final String HELP = " q quit  Tab/1-6 panel  s sort  / filter  Esc clear filter";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** Samples older than this many refreshes, and than {@link #STALE_MIN_MILLIS}, are shown with their age. */
    static final int STALE_REFRESHES = 3;
    /** Ten minutes: with --no-sample, a 5-minute timer's samples are up to five minutes old and still live. */
    static final long STALE_MIN_MILLIS = 600_000L;
    private static final int PCT = 4;
    /** Wide enough for the longest "runs out" text, "in 1.5 seconds" (durations in words) or "Sat 21 Mar". */
    private static final int ETA = 14;

    /** Exactly {@code height} lines, none longer than {@code width - 1} (the last column stays free so nothing wraps). */
    List<AttributedString> render(TopSnapshot snap, TopState state, long intervalMillis, int width, int height) {
        int w = Math.max(20, width) - 1;
        List<AttributedString> lines = new ArrayList<>(height);
        lines.add(header(snap, state, intervalMillis, w));
        List<Panel> panels = snap.panels();
        List<List<Row>> rows = new ArrayList<>();
        int labelWidth = 6;
        for (Panel p : panels) {
            List<Row> visible = visibleRows(p, state);
            rows.add(visible);
            for (Row r : visible) {
                labelWidth = Math.max(labelWidth, r.label().length());
            }
        }
        Columns cols = Columns.of(w, Math.min(labelWidth, 16));
        int[] shown = allocate(rows, state.focus(), height - 2);
        for (int i = 0; i < panels.size() && lines.size() < height - 1; i++) {
            if (shown[i] < 0) {
                continue;
            }
            List<Row> r = rows.get(i);
            lines.add(title(panels.get(i), i, i == state.focus(), r.size() - shown[i], cols));
            for (int j = 0; j < shown[i]; j++) {
                lines.add(row(r.get(j), cols));
            }
        }
        while (lines.size() < height - 1) {
            lines.add(AttributedString.EMPTY);
        }
        lines.add(help(state, w));
        return lines.size() > height ? lines.subList(lines.size() - height, lines.size()) : lines;
    }

    /**
     * Every row of every panel as plain text (no colour, no escape codes): the snapshot that
     * {@code top} prints when stdout is not a terminal.
     */
    static List<String> plain(TopSnapshot snap, TopState state, long intervalMillis, int width, ZoneId zone, boolean unicode) {
        TopView view = new TopView(false, unicode, zone);
        int lines = 2;
        for (Panel p : snap.panels()) {
            lines += 1 + Math.max(1, visibleRows(p, state).size());
        }
        List<AttributedString> all = view.render(snap, state, intervalMillis, width, lines);
        List<String> out = new ArrayList<>();
        for (AttributedString a : all.subList(0, all.size() - 1)) {
            String s = a.toString();
            if (!s.isBlank()) {
                out.add(s.stripTrailing());
            }
        }
        return out;
    }

    /** The rows of a panel that pass the filter, in the chosen order. */
    static List<Row> visibleRows(Panel p, TopState state) {
        List<Row> out = new ArrayList<>(p.rows().size());
        String f = state.filter().toLowerCase(Locale.ROOT);
        for (Row r : p.rows()) {
            if (f.isEmpty() || r.label().toLowerCase(Locale.ROOT).contains(f) || r.value().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(r);
            }
        }
        Comparator<Row> byName = Comparator.comparing(Row::label);
        Comparator<Row> order = switch (state.sort()) {
            case NAME -> byName;
            // stable: rows that tie keep the panel's own order (load1, load5, load15)
            case USE -> Comparator.comparingDouble((Row r) -> Double.isNaN(r.usedRatio()) ? 1 : -r.usedRatio());
            case ETA -> Comparator.comparingLong(Row::etaMillis);
        };
        out.sort(order);
        return out;
    }

    /**
     * Rows shown per panel (-1: the panel does not fit at all). Every panel gets its title, the
     * focused one as many rows as it has, then every other one row, then the rest in order.
     * When even that does not fit, only the focused panel is shown.
     */
    static int[] allocate(List<List<Row>> rows, int focus, int lines) {
        int n = rows.size();
        int[] shown = new int[n];
        if (n == 0) {
            return shown;
        }
        focus = Math.floorMod(focus, n);
        int left = lines - n;
        if (left < 0 || lines < 2 * n) {
            java.util.Arrays.fill(shown, -1);
            shown[focus] = Math.max(0, Math.min(rows.get(focus).size(), lines - 1));
            return shown;
        }
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            want[i] = rows.get(i).size();
        }
        // one row for each panel first, so no panel is reduced to a bare title
        for (int i = 0; i < n && left > 0; i++) {
            int idx = (focus + i) % n;
            if (want[idx] > 0) {
                shown[idx] = 1;
                left--;
            }
        }
        int extra = Math.min(left, want[focus] - shown[focus]);
        shown[focus] += Math.max(0, extra);
        left -= Math.max(0, extra);
        for (int i = 0; i < n && left > 0; i++) {
            int add = Math.min(left, want[i] - shown[i]);
            shown[i] += add;
            left -= add;
        }
        return shown;
    }

    private AttributedString header(TopSnapshot snap, TopState state, long intervalMillis, int w) {
        String clock = snap.atMillis() > 0 ? CLOCK.withZone(zone).format(Instant.ofEpochMilli(snap.atMillis())) : "--:--:--";
        // samples older than a few refreshes are not live: say how old (a demo store, sampling that stopped)
        long age = snap.madeMillis() - snap.atMillis();
        if (snap.atMillis() > 0 && age > Math.max(STALE_REFRESHES * intervalMillis, STALE_MIN_MILLIS)) {
            clock = "last sample " + (age < 86_400_000L ? clock : DAY_CLOCK.withZone(zone).format(Instant.ofEpochMilli(snap.atMillis())))
                    + ", " + Times.human(Duration.ofMillis(age)) + " ago";
        }
        String text = " forewarn top  " + snap.host() + "  " + clock + "  every " + (intervalMillis / 1000.0 == Math.rint(intervalMillis / 1000.0)
                ? (intervalMillis / 1000) + "s" : intervalMillis + "ms")
                + "  sort: " + state.sort().label() + (state.filter().isEmpty() ? "" : "  filter: " + state.filter());
        return new AttributedStringBuilder().style(AttributedStyle.INVERSE).append(fit(text, w)).toAttributedString();
    }

    private AttributedString title(Panel p, int index, boolean focused, int hidden, Columns c) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        String name = (index + 1) + " " + p.kind().title() + (hidden > 0 ? " +" + hidden : "");
        String mark = focused ? ">" : " ";
        b.style(focused ? AttributedStyle.BOLD.inverse() : AttributedStyle.BOLD).append(fit(mark + name, c.label + 2 + c.value));
        b.style(AttributedStyle.DEFAULT.faint()).append(' ').append(pad("use", PCT)).append(' ');
        if (c.spark > 0) {
            b.append(fit("history", c.spark)).append(' ');
        }
        b.append(fit("runs out", ETA));
        return b.toAttributedString();
    }

    private AttributedString row(Row r, Columns c) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(' ').append(fit(r.label(), c.label)).append(' ').append(fit(r.value(), c.value)).append(' ');
        if (Double.isNaN(r.usedRatio())) {
            b.append(" ".repeat(PCT));
        } else {
            AttributedStyle s = !color ? AttributedStyle.DEFAULT
                    : r.usedRatio() >= 0.9 ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold()
                    : r.usedRatio() >= 0.8 ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW) : AttributedStyle.DEFAULT;
            b.style(s).append(pad(Math.round(r.usedRatio() * 100) + "%", PCT)).style(AttributedStyle.DEFAULT);
        }
        b.append(' ');
        if (c.spark > 0) {
            b.style(color ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT)
                    .append(Sparkline.of(r.history(), c.spark, unicode)).style(AttributedStyle.DEFAULT).append(' ');
        }
        AttributedStyle etaStyle = r.urgent() ? (color ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD) : AttributedStyle.DEFAULT;
        b.style(etaStyle).append(fit(r.eta(), ETA));
        return b.toAttributedString();
    }

    private static AttributedString help(TopState state, int w) {
        String text = state.editing() ? " filter: " + state.draft() + "_   Enter apply  Esc cancel" : HELP;
        return new AttributedStringBuilder().style(AttributedStyle.INVERSE).append(fit(text, w)).toAttributedString();
    }

    /** Column widths for one screen width. */
    record Columns(int label, int value, int spark) {
        static Columns of(int w, int label) {
            int value = w >= 100 ? 30 : w >= 72 ? 24 : Math.max(8, w / 4);
            int spark = w - 1 - label - 1 - value - 1 - PCT - 1 - 1 - ETA;
            if (spark < 4) {
                value = Math.max(6, value + spark - 1);
                spark = 0;
            }
            return new Columns(label, value, spark);
        }
    }

    /** The text cut or padded to exactly {@code n} characters. */
    static String fit(String text, int n) {
        String s = SafeText.line(text);
        if (n <= 0) {
            return "";
        }
        if (s.length() > n) {
            return n > 1 ? s.substring(0, n - 1) + "…" : s.substring(0, n);
        }
        return s + " ".repeat(n - s.length());
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : " ".repeat(n - s.length()) + s;
    }
}
