package dev.forewarn.rules;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Selector;
import dev.forewarn.series.SeriesKey;
import java.util.List;
import java.util.Objects;

/**
 * One rule as an admin wrote it in YAML: which series it judges, the level that counts as
 * exhaustion, and how close (in time or in value) that level may come before a warning.
 * All durations are milliseconds.
 *
 * @param id              unique name; a later file's rule with the same id replaces this one
 * @param description     what the rule watches, one line
 * @param selector        the series judged ({@code fs.avail_bytes{fstype!="tmpfs"}})
 * @param exclude         series matching any of these are skipped (tmpfs, read-only mounts)
 * @param direction       which way the series moves toward exhaustion
 * @param threshold       the exhaustion level for the trend verdict, or null for no trend verdict
 * @param warningMillis   a projected crossing closer than this is a WARNING (0: never)
 * @param criticalMillis  a projected crossing closer than this is CRITICAL (0: never)
 * @param nowWarning      present-value level that is a WARNING whatever the trend, or null
 * @param nowCritical     present-value level that is CRITICAL whatever the trend, or null
 * @param growth          "non-zero and growing" verdict for error counts, or null
 * @param evidence        how much history a trend verdict needs
 * @param hold            flapping guard: how long a verdict must hold before it is raised
 * @param rateWindowMillis for counters: judge the per-second rate averaged over this window (0: judge raw values)
 * @param windowMillis    how much history to read for the trend
 * @param confidence      coverage of the crossing interval (0.8)
 * @param message         message template ({@code {mount} fills {eta}}), see {@link MessageTemplate}
 * @param enabled         false to switch off a rule from an earlier file with the same id
 * @param source          where the rule is written
 */
public record Rule(
        String id,
        String description,
        Selector selector,
        List<Selector> exclude,
        Direction direction,
        Threshold threshold,
        long warningMillis,
        long criticalMillis,
        Threshold nowWarning,
        Threshold nowCritical,
        Growth growth,
        Evidence evidence,
        Hold hold,
        long rateWindowMillis,
        long windowMillis,
        double confidence,
        String message,
        boolean enabled,
        RuleSource source) {

    /** Thirty days: enough for several weekly cycles without reading a year per series. */
    public static final long DEFAULT_WINDOW_MILLIS = 30L * 86_400_000L;

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(selector, "selector");
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(hold, "hold");
    }

    /** The selector of a {@link #switchOff switch-off} entry: no series has an empty name. */
    private static final Selector NO_SERIES = Selector.of("");

    /**
     * An entry that only switches off the earlier rule with this id ({@code id} and
     * {@code enabled: false}, no {@code series}); {@link RuleSet} replaces it with that rule,
     * switched off.
     */
    public static Rule switchOff(String id, String description, RuleSource source) {
        return new Rule(id, description, NO_SERIES, List.of(), Direction.UP, null, 0, 0, null, null, null,
                Evidence.DEFAULT, Hold.NONE, 0, DEFAULT_WINDOW_MILLIS, 0.8, "", false, source);
    }

    /** True for an entry made by {@link #switchOff}: it names a rule to switch off and defines none. */
    public boolean isSwitchOff() {
        return !enabled && selector.name().isEmpty();
    }

    /** This rule switched off where {@code by} says so. */
    Rule switchedOffBy(RuleSource by) {
        return new Rule(id, description, selector, exclude, direction, threshold, warningMillis, criticalMillis,
                nowWarning, nowCritical, growth, evidence, hold, rateWindowMillis, windowMillis, confidence, message, false, by);
    }

    /** This rule with its projections made at another confidence (a report's 95 % where check uses the rule's own). */
    public Rule withConfidence(double c) {
        return new Rule(id, description, selector, exclude, direction, threshold, warningMillis, criticalMillis,
                nowWarning, nowCritical, growth, evidence, hold, rateWindowMillis, windowMillis, c, message, enabled, source);
    }

    /** True when the series is selected and not excluded. */
    public boolean matches(SeriesKey key) {
        if (!selector.matches(key)) {
            return false;
        }
        for (Selector x : exclude) {
            if (x.matches(key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The minimum history a trend verdict needs.
     *
     * @param spanMillis from first to last point
     * @param samples    points
     */
    public record Evidence(long spanMillis, int samples) {
        /** The engine's own minimum span ({@link dev.forewarn.forecast.ForecastEngine#MIN_SPAN_MILLIS}) and twelve points. */
        public static final Evidence DEFAULT = new Evidence(dev.forewarn.forecast.ForecastEngine.MIN_SPAN_MILLIS, 12);
    }

    /**
     * Flapping guard: a verdict worse than OK is raised only after it held for this many
     * consecutive evaluations and this long.
     *
     * @param evaluations consecutive check runs (1: at once)
     * @param spanMillis  time since the verdict was first seen (0: no minimum)
     */
    public record Hold(int evaluations, long spanMillis) {
        /** Raise at once. */
        public static final Hold NONE = new Hold(1, 0);
    }

    /**
     * "Non-zero and growing": a count that rose within {@code withinMillis} and is above zero
     * earns {@code severity} (Backblaze's finding for SMART error counts).
     *
     * @param withinMillis how far back to compare
     * @param severity     WARNING or CRITICAL
     */
    public record Growth(long withinMillis, Severity severity) {
    }
}
