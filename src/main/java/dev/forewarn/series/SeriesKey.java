package dev.forewarn.series;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Identity of one time series: a metric name such as {@code fs.avail_bytes} and its labels,
 * kept sorted by label name so that one series has exactly one canonical text form,
 * {@code fs.avail_bytes{device="/dev/sda1",mount="/var"}}.
 *
 * @param name   metric name, with its unit as suffix ({@code _bytes}, {@code _seconds}, ...)
 * @param labels label name to value, sorted by name; never null, possibly empty
 */
public record SeriesKey(String name, SortedMap<String, String> labels) implements Comparable<SeriesKey> {

    public SeriesKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty metric name");
        }
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels == null ? Map.of() : labels));
    }

    /** A key without labels. */
    public static SeriesKey of(String name) {
        return new SeriesKey(name, new TreeMap<>());
    }

    /** A key from alternating label names and values: {@code of("fs.avail_bytes", "mount", "/")}. */
    public static SeriesKey of(String name, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("label names and values must come in pairs");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            map.put(labelPairs[i], labelPairs[i + 1]);
        }
        return new SeriesKey(name, map);
    }

    /**
     * Parses the canonical text form (or any selector that uses only {@code =} matchers).
     *
     * @throws IllegalArgumentException if the text is not a plain series key
     */
    public static SeriesKey parse(String text) {
        Selector selector = Selector.parse(text);
        TreeMap<String, String> map = new TreeMap<>();
        for (Selector.Matcher m : selector.matchers()) {
            if (m.op() != Selector.Op.EQ) {
                throw new IllegalArgumentException("not a series key (uses " + m.op().symbol() + "): " + text);
            }
            map.put(m.label(), m.value());
        }
        return new SeriesKey(selector.name(), map);
    }

    /** The value of one label, or null. */
    public String label(String labelName) {
        return labels.get(labelName);
    }

    /** This key with one more (or one replaced) label. */
    public SeriesKey withLabel(String labelName, String value) {
        TreeMap<String, String> map = new TreeMap<>(labels);
        map.put(labelName, value);
        return new SeriesKey(name, map);
    }

    /** The same labels under another metric name, e.g. the {@code fs.size_bytes} companion of {@code fs.avail_bytes}. */
    public SeriesKey withName(String otherName) {
        return new SeriesKey(otherName, new TreeMap<>(labels));
    }

    /** True when the metric is a monotonically increasing counter, stored raw ({@code _total} suffix). */
    public boolean isCounter() {
        return name.endsWith("_total");
    }

    /** Canonical text form: name, then labels sorted by name, values quoted and escaped. */
    @Override
    public String toString() {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
        }
        return sb.append('}').toString();
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    // equals and hashCode written out: a record's generated ones are bound through
    // invokedynamic on first use, which costs a cold one-shot sample some 2 % of its CPU.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SeriesKey k && name.equals(k.name) && labels.equals(k.labels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + labels.hashCode();
    }

    @Override
    public int compareTo(SeriesKey other) {
        return toString().compareTo(other.toString());
    }
}
