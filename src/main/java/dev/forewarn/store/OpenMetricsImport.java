package dev.forewarn.store;

import dev.forewarn.series.SeriesKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.forewarn.series.Series;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads OpenMetrics or Prometheus text exposition: {@code name{label="v",...} value [timestamp]}
 * lines, {@code # HELP}, {@code # TYPE} and {@code # EOF}; exemplars after {@code #} are ignored,
 * as are the {@code _created} samples of counters, histograms and summaries. Timestamps are
 * epoch seconds with an optional fraction (OpenMetrics) or integer milliseconds (Prometheus
 * text; an integer of 12 or more digits). A sample without a timestamp gets the caller's
 * default time: the file's modification time (or now for standard input). Names are mapped
 * back from the {@code # HELP ... forewarn metric NAME} lines that {@link OpenMetricsExport}
 * writes (see {@link PromNames}); other names are kept as they are.
 */
public final class OpenMetricsImport {

    private OpenMetricsImport() {
    }

    /**
     * Parses one file.
     *
     * @param defaultTimeMillis time of samples written without a timestamp, epoch ms
     * @throws ImportException for a bad line (unless skipBad), or a file without samples
     */
    public static ParsedInput parse(String source, BufferedReader in, long defaultTimeMillis, boolean skipBad) {
        return parse(source, in, defaultTimeMillis, skipBad, null);
    }

    /**
     * Parses one file, handing its points to {@code sink} in batches as they are read (null: all
     * in the result), so that a file of any size fits the heap.
     */
    public static ParsedInput parse(String source, BufferedReader in, long defaultTimeMillis, boolean skipBad,
                                    Consumer<List<Series>> sink) {
        ImportBuffer buffer = new ImportBuffer(sink);
        Map<String, String> names = new HashMap<>();
        Set<String> createdFamilies = new HashSet<>();
        Map<String, SeriesKey> keys = new HashMap<>();
        long lineNo = 0;
        BadLines badLines = new BadLines(source, skipBad);
        boolean eof = false;
        LineReader lines = new LineReader(in);
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                lineNo++;
                if (line == LineReader.TOO_LONG) {
                    badLines.tooLong(lineNo);
                    continue;
                }
                try {
                    if (eof) {
                        if (!line.isBlank()) {
                            throw new IllegalArgumentException("text after '# EOF'");
                        }
                        continue;
                    }
                    String s = line.strip();
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (s.startsWith("#")) {
                        eof = s.equals("# EOF");
                        comment(s, names, createdFamilies);
                        continue;
                    }
                    sample(s, names, createdFamilies, defaultTimeMillis, buffer, keys);
                } catch (IllegalArgumentException e) {
                    badLines.bad(lineNo, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        return badLines.result(buffer, "no samples (empty file?): expected OpenMetrics text such as"
                    + " 'name{label=\"v\"} 1.5 1773446400'");
    }

    private static void comment(String s, Map<String, String> names, Set<String> createdFamilies) {
        String[] parts = s.split("\\s+", 4);
        if (parts.length >= 4 && parts[1].equals("HELP")) {
            String text = parts[3];
            if (text.startsWith(PromNames.HELP_PREFIX)) {
                String original = text.substring(PromNames.HELP_PREFIX.length()).strip();
                requireMetricName(original);
                if (PromNames.familyName(original).equals(parts[2])) {
                    names.put(PromNames.sampleName(original), original);
                }
            }
        } else if (parts.length >= 4 && parts[1].equals("TYPE")) {
            String type = parts[3].strip();
            if (type.equals("counter") || type.equals("histogram") || type.equals("summary") || type.equals("gaugehistogram")) {
                createdFamilies.add(parts[2]);
            }
        }
    }

    /**
     * A name from a HELP line becomes the stored series name: it must be a metric name such as
     * {@code fs.avail_bytes}, or a crafted one ({@code evil{x}) would make the store unreadable.
     */
    private static void requireMetricName(String name) {
        boolean ok;
        try {
            SeriesKey k = SeriesKey.parse(name);
            ok = k.labels().isEmpty() && k.name().equals(name);
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("the HELP line names '" + name + "' as the forewarn metric,"
                    + " which is not a metric name (letters, digits, '_', ':' and '.')");
        }
    }

    static void sample(String s, Map<String, String> names, Set<String> createdFamilies, long defaultTime,
                       ImportBuffer out, Map<String, SeriesKey> keys) {
        int i = 0;
        int n = s.length();
        while (i < n && isNameChar(s.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected a metric name at the start of the line");
        }
        String name = s.substring(0, i);
        if (name.endsWith("_created") && createdFamilies.contains(name.substring(0, name.length() - "_created".length()))) {
            return;
        }
        SeriesKey key;
        int end = i < n && s.charAt(i) == '{' ? labelsEnd(s, i + 1) : i;
        String prefix = s.substring(0, end);
        key = keys.get(prefix);
        if (key == null) {
            TreeMap<String, String> labels = new TreeMap<>();
            if (i < n && s.charAt(i) == '{') {
                end = labels(s, i + 1, labels);
            }
            key = new SeriesKey(names.getOrDefault(name, name), labels);
            // The same few series repeat line after line: parse each once.
            keys.put(prefix, key);
        }
        i = end;
        String rest = s.substring(i);
        int hash = rest.indexOf(" #");
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String[] fields = rest.strip().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            throw new IllegalArgumentException("sample " + name + " has no value");
        }
        if (fields.length > 2) {
            throw new IllegalArgumentException("expected 'name{labels} value [timestamp]', found " + fields.length + " fields after the name");
        }
        double value = NumberText.value(fields[0]);
        long time = fields.length == 2 ? NumberText.epochMillis(fields[1]) : defaultTime;
        out.add(key, time, value);
    }

    /** Index just past the closing brace of a label set starting at {@code i}, skipping quoted values; or the line's end. */
    private static int labelsEnd(String s, int i) {
        boolean quoted = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '}') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int labels(String s, int i, TreeMap<String, String> labels) {
        int n = s.length();
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            if (i < n && s.charAt(i) == '}') {
                return i + 1;
            }
            int start = i;
            while (i < n && isNameChar(s.charAt(i), i == start) && s.charAt(i) != ':') {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a label name at column " + (i + 1));
            }
            String label = s.substring(start, i);
            if (i >= n || s.charAt(i) != '=' || i + 1 >= n || s.charAt(i + 1) != '"') {
                throw new IllegalArgumentException("expected =\"value\" after label " + label + " at column " + (i + 1));
            }
            i += 2;
            StringBuilder v = new StringBuilder();
            boolean closed = false;
            while (i < n) {
                char c = s.charAt(i++);
                if (c == '\\' && i < n) {
                    char e = s.charAt(i++);
                    v.append(e == 'n' ? '\n' : e);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    v.append(c);
                }
            }
            if (!closed) {
                throw new IllegalArgumentException("unterminated value of label " + label);
            }
            if (labels.put(label, v.toString()) != null) {
                throw new IllegalArgumentException("label " + label + " given twice");
            }
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (!first && c >= '0' && c <= '9');
    }
}
