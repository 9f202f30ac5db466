package dev.forewarn.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A series selector in Prometheus style: a metric name with optional label matchers,
 * {@code fs.avail_bytes{mount="/var",fstype!="tmpfs",device=~"/dev/sd.*"}}. Without
 * matchers it matches every series of that metric. The name may be {@code *} to match any
 * metric. Regex matchers are RE2 expressions matched against the whole value, as in Prometheus
 * ({@link LabelRegex}: linear time; no backreferences or lookaround).
 *
 * <p>Hand-written: the grammar is ten lines and no library parses Prometheus selectors in Java.
 *
 * @param name     metric name, or {@code *} for any
 * @param matchers label matchers, all of which must hold
 */
public record Selector(String name, List<Matcher> matchers) {

    /** The comparison a label matcher makes. */
    public enum Op {
        EQ("="), NE("!="), RE("=~"), NRE("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a selector. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * One label matcher. A label that a series lacks compares as the empty string, as in Prometheus.
     *
     * @param label label name
     * @param op    comparison
     * @param value literal value, or a regular expression for {@link Op#RE} and {@link Op#NRE}
     */
    public record Matcher(String label, Op op, String value, LabelRegex regex) {
        public Matcher {
            Objects.requireNonNull(label);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
            if ((op == Op.RE || op == Op.NRE) && regex == null) {
                regex = LabelRegex.compile(value);
            }
        }

        /**
         * A matcher; compiles the expression for regex operators.
         *
         * @throws IllegalArgumentException for an expression RE2 cannot read
         */
        public static Matcher of(String label, Op op, String value) {
            return new Matcher(label, op, value, null);
        }

        /** True when the label value (empty when absent) satisfies this matcher. */
        public boolean test(String actual) {
            String v = actual == null ? "" : actual;
            return switch (op) {
                case EQ -> v.equals(value);
                case NE -> !v.equals(value);
                case RE -> regex.matches(v);
                case NRE -> !regex.matches(v);
            };
        }

        @Override
        public String toString() {
            return label + op.symbol + "\"" + SeriesKey.escape(value) + "\"";
        }
    }

    public Selector {
        Objects.requireNonNull(name, "name");
        matchers = List.copyOf(matchers);
    }

    /** A selector of every series of one metric. */
    public static Selector of(String name) {
        return new Selector(name, List.of());
    }

    /** True when the key's name and labels satisfy this selector. */
    public boolean matches(SeriesKey key) {
        if (!name.equals("*") && !name.equals(key.name())) {
            return false;
        }
        for (Matcher m : matchers) {
            if (!m.test(key.label(m.label()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code name}, {@code name{}}, {@code name{a="x",b!="y"}}, or {@code {a="x"}} (any metric).
     *
     * @throws IllegalArgumentException with the character position of the first problem
     */
    public static Selector parse(String text) {
        Objects.requireNonNull(text, "selector");
        String s = text.strip();
        int brace = s.indexOf('{');
        String name = (brace < 0 ? s : s.substring(0, brace)).strip();
        if (name.isEmpty()) {
            name = "*";
        }
        if (!name.equals("*") && !name.matches("[A-Za-z_:][A-Za-z0-9_:.]*")) {
            throw new IllegalArgumentException("bad metric name '" + name + "' in selector: " + text);
        }
        List<Matcher> matchers = new ArrayList<>();
        if (brace >= 0) {
            if (!s.endsWith("}")) {
                throw new IllegalArgumentException("selector must end with '}': " + text);
            }
            parseMatchers(s, brace + 1, s.length() - 1, matchers, text);
        } else if (name.equals("*") && !s.isEmpty() && !s.equals("*")) {
            throw new IllegalArgumentException("bad selector: " + text);
        }
        return new Selector(name, matchers);
    }

    private static void parseMatchers(String s, int from, int to, List<Matcher> out, String text) {
        int i = from;
        while (true) {
            i = skipSpace(s, i, to);
            if (i >= to) {
                return;
            }
            int start = i;
            while (i < to && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String label = s.substring(start, i);
            if (label.isEmpty()) {
                throw new IllegalArgumentException("expected a label name at position " + (i + 1) + ": " + text);
            }
            i = skipSpace(s, i, to);
            Op op;
            if (s.startsWith("=~", i)) {
                op = Op.RE;
            } else if (s.startsWith("!~", i)) {
                op = Op.NRE;
            } else if (s.startsWith("!=", i)) {
                op = Op.NE;
            } else if (s.startsWith("=", i)) {
                op = Op.EQ;
            } else {
                throw new IllegalArgumentException("expected =, !=, =~ or !~ at position " + (i + 1) + ": " + text);
            }
            i = skipSpace(s, i + op.symbol().length(), to);
            if (i >= to || s.charAt(i) != '"') {
                throw new IllegalArgumentException("expected a quoted value at position " + (i + 1) + ": " + text);
            }
            StringBuilder value = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < to) {
                char c = s.charAt(i++);
                if (c == '\\' && i < to) {
                    char n = s.charAt(i++);
                    value.append(n == 'n' ? '\n' : n);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed) {
                throw new IllegalArgumentException("unterminated value for label '" + label + "': " + text);
            }
            try {
                out.add(Matcher.of(label, op, value.toString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad regular expression for label '" + label + "': " + e.getMessage());
            }
            i = skipSpace(s, i, to);
            if (i < to) {
                if (s.charAt(i) != ',') {
                    throw new IllegalArgumentException("expected ',' at position " + (i + 1) + ": " + text);
                }
                i++;
            }
        }
    }

    private static int skipSpace(String s, int i, int to) {
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        if (matchers.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.equals("*") ? "" : name).append('{');
        for (int i = 0; i < matchers.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(matchers.get(i));
        }
        return sb.append('}').toString();
    }
}
