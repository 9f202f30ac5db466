package dev.forewarn.rules;

import dev.forewarn.series.SeriesKey;
import dev.forewarn.series.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule's one-line message with placeholders in braces: {@code {mount} fills {when}}.
 * {@code {when}} (alias {@code {eta}}) is the verdict phrase ("in 9 days (Sat 14 Mar, 80 %: 9–18 Mar)",
 * "— 2.1 GiB now, below 3% of fs.size_bytes", "grew from 0 to 8 in the last 7d"); {@code {subject}} is
 * what the series is about ("/var (fs.avail_bytes)"); {@code {series}},
 * {@code {metric}}, {@code {value}}, {@code {threshold}} and {@code {rule}} are what they say; any
 * other name is a label of the series ({@code {mount}}, {@code {disk}}, {@code {iface}}).
 */
public final class MessageTemplate {

    /** Placeholders with a fixed meaning; every other name is a label. */
    static final Set<String> BUILT_IN = Set.of("when", "eta", "subject", "series", "metric", "value", "threshold", "rule");

    private MessageTemplate() {
    }

    /** The problems of a template (unclosed braces, empty or odd names); empty when it is fine. */
    static List<String> check(String template) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    out.add("unclosed '{' at character " + (i + 1) + " of the message");
                    return out;
                }
                String name = template.substring(i + 1, end);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.add("bad placeholder '{" + name + "}' in the message: use {when}, {series}, {value}, {threshold}, {rule} or a label name such as {mount}");
                }
                i = end + 1;
            } else if (c == '}') {
                out.add("unmatched '}' at character " + (i + 1) + " of the message");
                i++;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Fills a template.
     *
     * @param when      the verdict phrase
     * @param value     present value, or null
     * @param threshold the level judged against as the rule wrote it ("100 GiB (107 GB)"), or null
     */
    public static String render(String template, String ruleId, SeriesKey key, String when, Double value, String threshold) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end < 0) {
                sb.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, end);
            sb.append(switch (name) {
                case "when", "eta" -> when;
                case "series" -> key.toString();
                case "subject" -> subject(key);
                case "metric" -> key.name();
                case "value" -> value == null ? "?" : formatValue(key.name(), value);
                case "threshold" -> threshold == null ? "?" : threshold;
                case "rule" -> ruleId;
                default -> {
                    String l = key.label(name);
                    yield l == null ? key.toString() : l;
                }
            });
            i = end + 1;
        }
        return sb.toString();
    }

    /** What a plain message is about: the mount, disk, interface, battery or process, else the series. */
    public static String subject(SeriesKey key) {
        for (String l : new String[] {"mount", "disk", "iface", "battery", "name"}) {
            if (key.label(l) != null) {
                return key.label(l) + " (" + key.name() + ")";
            }
        }
        return key.toString();
    }

    /** A value in the unit its metric name says, through the one shared {@link Units}. */
    public static String formatValue(String metric, double v) {
        return Units.of(metric).format(v);
    }
}
