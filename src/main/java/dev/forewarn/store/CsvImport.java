package dev.forewarn.store;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Times;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import dev.forewarn.series.Series;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads CSV history: {@code time,series,value} lines (the series a key such as
 * {@code fs.avail_bytes{mount="/",device="sda1"}}, bare or in CSV double quotes; its commas are
 * fine because the time is the first field and the value the last), or {@code time,value}
 * lines when the caller names the series. A time is any form {@link Times#parseTime} reads, or
 * epoch milliseconds (12 or more digits). One header line is allowed first; blank lines and
 * lines starting with {@code #} are skipped. Values: decimal numbers or NaN; infinities refused.
 */
public final class CsvImport {

    private static final Pattern HEADER_WORD = Pattern.compile("\"?[A-Za-z_][A-Za-z_ ]*\"?");

    private CsvImport() {
    }

    /**
     * Parses one file.
     *
     * @param source    the name shown in messages ({@code FILE:LINE: ...})
     * @param series    the series every line belongs to ({@code time,value} form), or null
     * @param skipBad   false: the first bad line throws; true: bad lines are counted and skipped
     * @param nowMillis what relative times ({@code -7d}, {@code now}) count from
     * @throws ImportException for a bad line, or a file with no data
     */
    public static ParsedInput parse(String source, BufferedReader in, SeriesKey series, boolean skipBad,
                                    long nowMillis, ZoneId zone) {
        return parse(source, in, series, skipBad, nowMillis, zone, null);
    }

    /**
     * Parses one file, handing its points to {@code sink} in batches as they are read (null: all
     * in the result), so that a file of any size fits the heap.
     */
    public static ParsedInput parse(String source, BufferedReader in, SeriesKey series, boolean skipBad,
                                    long nowMillis, ZoneId zone, Consumer<List<Series>> sink) {
        ImportBuffer buffer = new ImportBuffer(sink);
        Map<String, SeriesKey> keys = new HashMap<>();
        long lineNo = 0;
        BadLines badLines = new BadLines(source, skipBad);
        boolean seenContent = false;
        LineReader lines = new LineReader(in);
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                lineNo++;
                if (line == LineReader.TOO_LONG) {
                    badLines.tooLong(lineNo);
                    seenContent = true;
                    continue;
                }
                String s = line.strip();
                if (lineNo == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                boolean first = !seenContent;
                seenContent = true;
                if (first && isHeader(s)) {
                    continue;
                }
                try {
                    parseLine(s, series, nowMillis, zone, buffer, keys);
                } catch (IllegalArgumentException e) {
                    badLines.bad(lineNo, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        return badLines.result(buffer, "no data lines (empty file?): expected time,series,value"
                    + (series == null ? "" : " or time,value"));
    }

    static boolean isHeader(String line) {
        int comma = line.indexOf(',');
        String firstField = comma < 0 ? line : line.substring(0, comma).strip();
        return HEADER_WORD.matcher(firstField).matches() && !firstField.equalsIgnoreCase("now");
    }

    static void parseLine(String s, SeriesKey fixed, long nowMillis, ZoneId zone, ImportBuffer out,
                          Map<String, SeriesKey> keys) {
        int firstComma = s.indexOf(',');
        int lastComma = s.lastIndexOf(',');
        if (firstComma < 0) {
            throw new IllegalArgumentException("expected " + (fixed == null ? "time,series,value" : "time,value")
                    + ", found no comma");
        }
        String timeText = s.substring(0, firstComma).strip();
        String valueText = s.substring(lastComma + 1).strip();
        SeriesKey key;
        if (fixed != null) {
            if (firstComma != lastComma) {
                throw new IllegalArgumentException("expected time,value (the series is given by --series), found more fields");
            }
            key = fixed;
        } else {
            if (firstComma == lastComma) {
                throw new IllegalArgumentException("expected time,series,value, found two fields (give --series for time,value files)");
            }
            // The same few keys repeat on every line: parse each once.
            key = keys.computeIfAbsent(s.substring(firstComma + 1, lastComma).strip(), CsvImport::seriesKey);
        }
        out.add(key, time(timeText, nowMillis, zone), NumberText.value(unquote(valueText)));
    }

    private static SeriesKey seriesKey(String field) {
        String text = unquote(field);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty series");
        }
        try {
            return SeriesKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad series '" + text + "': " + e.getMessage());
        }
    }

    /** A line's time in epoch milliseconds, within the range the store reads back (see {@link NumberText#checkedMillis}). */
    static long time(String text, long nowMillis, ZoneId zone) {
        String t = unquote(text);
        try {
            if (NumberText.isEpochMillis(t)) {
                return NumberText.checkedMillis(Long.parseLong(t), t);
            }
            return NumberText.checkedMillis(Times.parseTime(t, nowMillis, zone), t);
        } catch (NumberFormatException | ArithmeticException e) {
            // 19 digits past Long.MAX_VALUE, or an ISO year too far out for epoch milliseconds
            return NumberText.checkedMillis(Long.MAX_VALUE, t);
        }
    }

    /** Removes CSV double quotes, turning {@code ""} back into {@code "}. */
    static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
