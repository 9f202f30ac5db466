package dev.forewarn.rules;

import dev.forewarn.forecast.ThresholdSpec;

/**
 * A level in a rule, read with the one threshold grammar ({@link ThresholdSpec#parse}, the same
 * as {@code forecast --threshold}): absolute ({@code 0}, {@code 10GiB}, {@code 0.9}) in the unit of
 * the judged series (byte suffixes SI: kB, MB, GB, TB, or IEC: KiB, MiB, GiB, TiB), a percentage of
 * a companion series with the same labels ({@code 5% of fs.size_bytes}), or a bare percentage of
 * the series' whole ({@code 90%}: 0.9 of a {@code _ratio}, 90 % of {@code fs.size_bytes} for
 * {@code fs.avail_bytes}; an error for a series with no whole).
 *
 * @param value     the absolute level, or the fraction of the companion (0.05 for 5 %)
 * @param companion the companion metric name, or null for an absolute level
 * @param text      the text as written, for messages
 */
public record Threshold(double value, String companion, String text) {

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
     * Parses a threshold without knowing the judged series: a bare percentage is then a fraction of 1.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Threshold parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a threshold written in a rule for series of {@code metricName}.
     *
     * @param metricName the metric the rule judges, or null when unknown (a bare percentage is then of 1)
     * @throws IllegalArgumentException saying which forms are accepted, or why a percentage has no whole
     */
    public static Threshold parse(String text, String metricName) {
        ThresholdSpec spec = ThresholdSpec.parse(text);
        String t = text.strip();
        if (spec.kind() != ThresholdSpec.Kind.PERCENT) {
            return new Threshold(spec.value(), null, t);
        }
        String whole = spec.companion() != null ? spec.companion()
                : metricName == null || metricName.contains("*") ? null : ThresholdSpec.wholeOf(metricName, t);
        return new Threshold(spec.value() / 100.0, whole, t);
    }

    /**
     * The level as the rule wrote it, for a reader: {@code 100 GiB} stays 100 GiB; a percentage
     * says of what and what it comes to ({@code 5% of fs.size_bytes (12 GB)}).
     *
     * @param metricName the judged metric
     * @param level      the resolved level in its unit
     */
    public String shown(String metricName, double level) {
        ThresholdSpec spec = ThresholdSpec.parse(text);
        if (spec.kind() == ThresholdSpec.Kind.PERCENT && relative()) {
            return spec.shown(metricName, level, companion);
        }
        return spec.shown(metricName, level, null);
    }

    /**
     * The level as the rule wrote it where no series resolves it ({@code rules explain}): a unit
     * spaced and its level in the units the other figures use ({@code 100 GiB (107 GB)}), a plain
     * number as written ({@code 0}), a percentage with its whole ({@code 5% of fs.size_bytes of the
     * same series' labels}).
     *
     * @param metricName the judged metric
     */
    public String written(String metricName) {
        ThresholdSpec spec = ThresholdSpec.parse(text);
        if (spec.kind() == ThresholdSpec.Kind.PERCENT) {
            String pct = text.substring(0, text.indexOf('%') + 1).replaceAll("\\s+", "");
            return relative() ? pct + " of " + companion + " with the judged series' labels" : pct;
        }
        return spec.hasUnit() ? spec.shown(metricName, value, null) : text;
    }

    @Override
    public String toString() {
        return text;
    }
}
