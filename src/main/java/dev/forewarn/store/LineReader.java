package dev.forewarn.store;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine} does ({@code \n}, {@code \r\n} or
 * {@code \r} ends one), but never holds more than {@link #MAX_LINE_CHARS} of one line: a longer
 * line is skipped to its end and returned as {@link #TOO_LONG}, so that a 1 GB file without a
 * line break is one bad line rather than the end of the heap.
 */
final class LineReader {

    /** The longest line read, in characters: no data line comes near a mebibyte. */
    static final int MAX_LINE_CHARS = 1 << 20;

    /** Returned (compare by identity) for a line longer than {@link #MAX_LINE_CHARS}. */
    static final String TOO_LONG = new String("<line too long>");

    /** The message for such a line, for {@code FILE:LINE: ...}. */
    static final String TOO_LONG_MESSAGE = String.format(java.util.Locale.ROOT,
            "line longer than %,d characters (1 MiB): not a data line", MAX_LINE_CHARS);

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean skipLf;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
    String readLine() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        while (true) {
            if (pos >= end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (tooLong) {
                        return TOO_LONG;
                    }
                    return line == null ? null : line.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong) {
                int have = line == null ? 0 : line.length();
                if (have + n > MAX_LINE_CHARS) {
                    tooLong = true;
                    line = null;
                } else if (pos < end && line == null) {
                    String s = new String(buf, start, n);
                    skipLf = buf[pos++] == '\r';
                    return s;
                } else {
                    if (line == null) {
                        line = new StringBuilder(Math.max(16, n * 2));
                    }
                    line.append(buf, start, n);
                }
            }
            if (pos < end) {
                skipLf = buf[pos++] == '\r';
                return tooLong ? TOO_LONG : line.toString();
            }
        }
    }
}
