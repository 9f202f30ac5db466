package dev.forewarn.cli;

import dev.forewarn.forecast.Direction;
import dev.forewarn.forecast.ThresholdSpec;
import dev.forewarn.series.Series;
import dev.forewarn.series.Units;

/**
 * A level a series reached only late in its history, for a backtest that had no crossing to
 * score against: the lowest value (highest, rising) of its first 60 % of points, taken beyond it
 * to two significant digits, as {@code --threshold} takes it, and when the series first reached it.
 *
 * @param text        the level in the metric's units ("180 GB"), parseable by {@link ThresholdSpec#parse}
 * @param firstMillis when the series first reached it (epoch ms)
 */
record CrossedLevel(String text, long firstMillis) {

    /** Share of the points the level is taken from: the rest must reach it, late enough to be forecast. */
    static final double EARLY_SHARE = 0.6;

    /**
     * The level, or null when the series never reached it, or first reached it before
     * {@code fromMillis} (the first origin a backtest can replay from).
     */
    static CrossedLevel of(Series s, Direction d, long fromMillis) {
        int early = (int) (s.size() * EARLY_SHARE);
        if (early < 1 || early >= s.size()) {
            return null;
        }
        double extreme = Double.NaN;
        for (int i = 0; i < early; i++) {
            double v = s.value(i);
            if (Double.isFinite(v) && (Double.isNaN(extreme) || (d == Direction.DOWN ? v < extreme : v > extreme))) {
                extreme = v;
            }
        }
        if (Double.isNaN(extreme)) {
            return null;
        }
        // Two significant digits, beyond the early extreme: a level the early points only just missed would make
        // the score a coin flip on one trough (the demo's /var at "183 GB", 0.4 GB short of its trough of 18 Oct).
        double unit = extreme == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(extreme))) - 1);
        double rounded = d == Direction.DOWN ? Math.floor(extreme / unit) * unit : Math.ceil(extreme / unit) * unit;
        if (rounded == extreme) {
            rounded += d == Direction.DOWN ? -unit : unit;
        }
        // the level as printed, so that what the reader types is the level checked here
        String text = Units.of(s.key().name()).format(rounded);
        double level;
        try {
            ThresholdSpec spec = ThresholdSpec.parse(text);
            if (spec.kind() != ThresholdSpec.Kind.ABSOLUTE) {
                return null; // "45 %" would be read as a share of a whole, not as the level shown
            }
            level = spec.value();
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (int i = early; i < s.size(); i++) {
            double v = s.value(i);
            if (d == Direction.DOWN ? v <= level : v >= level) {
                // reached before the first origin, it cannot be forecast from there
                return s.timeMillis(i) > fromMillis ? new CrossedLevel(text, s.timeMillis(i)) : null;
            }
        }
        return null;
    }
}
