package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;

/**
 * The benchmark's truth: the first sample of the series itself at or beyond the threshold, with
 * the noise, the cycles and the bursts included. Not where a smooth signal crosses: a disk is
 * full at the first write that fails.
 */
final class FirstTouch {

    private FirstTouch() {
    }

    /** True when {@code value} is at or beyond {@code threshold} seen from {@code direction}. */
    static boolean reached(double value, double threshold, Direction direction) {
        return direction == Direction.UP ? value >= threshold : value <= threshold;
    }

    /**
     * Time of the first sample strictly after {@code afterMillis} at or beyond the threshold,
     * epoch milliseconds; null when the series never gets there. NaN readings never count.
     */
    static Long after(Series s, double threshold, Direction direction, long afterMillis) {
        int from = afterMillis == Long.MAX_VALUE ? s.size() : s.lowerBound(afterMillis + 1);
        for (int i = from; i < s.size(); i++) {
            double v = s.value(i);
            if (!Double.isNaN(v) && reached(v, threshold, direction)) {
                return s.timeMillis(i);
            }
        }
        return null;
    }
}
