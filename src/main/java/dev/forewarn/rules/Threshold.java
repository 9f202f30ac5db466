package dev.forewarn.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A level in a rule: absolute ({@code 0}, {@code 10GiB}, {@code 0.9}, {@code 90%} = 0.9) or a
 * percentage of a companion series with the same labels ({@code 5% of fs.size_bytes}).
 * Absolute values are in the unit of the judged series; byte suffixes are SI (kB, MB, GB, TB)
 * or IEC (KiB, MiB, GiB, TiB).
 *
 * @param value     the absolute level, or the fraction of the companion (0.05 for 5 %)
 * @param companion the companion metric name, or null for an absolute level
 * @param text      the text as written, for messages
 */
public record Threshold(double value, String companion, String text) {

    private static final Pattern OF = Pattern.compile("(?i)\\s*([-+]?[0-9]*\\.?[0-9]+(?:e[-+]?[0-9]+)?)\\s*%\\s+of\\s+([A-Za-z_:][A-Za-z0-9_:.]*)\\s*");
    private static final Pattern ABS = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z%]*)\\s*");

    /** An absolute level. */
    public static Threshold absolute(double value) {
        return new Threshold(value, null, String.valueOf(value));
    }

    /** True when the level depends on a companion series. */
    public boolean relative() {
        return companion != null;
    }

    /** The level given the companion's present value (ignored for absolute levels). */
    public double resolve(double companionValue) {
        return relative() ? value * companionValue : value;
    }

    /**
     * Parses a threshold written in a rule.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Threshold parse(String text) {
        Matcher of = OF.matcher(text);
        if (of.matches()) {
            double pct = Double.parseDouble(of.group(1));
            if (pct < 0 || pct > 1000) {
                throw new IllegalArgumentException("percentage out of range (0-1000): " + text);
            }
            return new Threshold(pct / 100.0, of.group(2), text.strip());
        }
        Matcher abs = ABS.matcher(text);
        if (!abs.matches()) {
            throw new IllegalArgumentException("cannot read threshold '" + text
                    + "': use a number (0, 0.9, 10GiB, 90%) or a percentage of a companion series (5% of fs.size_bytes)");
        }
        double n = Double.parseDouble(abs.group(1));
        double factor = factor(abs.group(2), text);
        double v = n * factor;
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("threshold is not a finite number: " + text);
        }
        return new Threshold(v, null, text.strip());
    }

    private static double factor(String unit, String text) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "" -> 1;
            case "%" -> 0.01;
            case "b" -> 1;
            case "k", "kb" -> 1e3;
            case "m", "mb" -> 1e6;
            case "g", "gb" -> 1e9;
            case "t", "tb" -> 1e12;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "tib" -> 1024.0 * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' in threshold '" + text
                    + "': use %, B, kB, MB, GB, TB, KiB, MiB, GiB or TiB");
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
