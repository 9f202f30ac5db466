package dev.forewarn.series;

/**
 * The one sanitizer for text that reaches a terminal, a Nagios server or a Markdown file. Label
 * values come from imports and from the host (a mount point may be named anything), so they may
 * hold line breaks, ESC sequences or bidirectional overrides that would forge a line, recolour a
 * terminal or reverse what a reader sees. Such characters are shown as visible escapes
 * ({@code \n}, {@code \x1b}, {@code \u202e}), so the admin still sees what is stored; nothing else
 * changes. JSON and CSV need none of this: their own quoting carries any character.
 */
public final class SafeText {

    /** What replaces {@code |} in Nagios plugin output, where the first {@code |} starts the perfdata. */
    public static final char PIPE_STAND_IN = '\u00a6';

    private SafeText() {
    }

    /**
     * One line of text: control characters (C0, DEL, C1), line and paragraph separators and the
     * bidirectional controls as visible escapes.
     */
    public static String line(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * Text for the Nagios plugin output: one {@link #line}, with {@code |} replaced by
     * {@value #PIPE_STAND_IN} so that no label moves the split between status and perfdata.
     */
    public static String nagios(String s) {
        return s == null ? null : line(s).replace('|', PIPE_STAND_IN);
    }

    /**
     * A perfdata label as the plugin guidelines want it: in single quotes, a quote written twice,
     * no {@code =} (the guidelines forbid it; it becomes {@code :}) and nothing {@link #nagios} replaces.
     */
    public static String perfLabel(String label) {
        return "'" + nagios(label).replace('=', ':').replace("'", "''") + "'";
    }

    /** True for the characters {@link #line} escapes. */
    public static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0
                || c == 0x2028 || c == 0x2029
                || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }
}
