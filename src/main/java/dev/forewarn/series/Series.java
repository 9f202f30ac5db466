package dev.forewarn.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * The points of one series in time order: parallel arrays of epoch milliseconds and values.
 * Times are strictly increasing (one value per instant); values are finite or NaN for a
 * missing reading. The arrays are owned by the series: callers must not change them.
 *
 * @param key         what the points measure
 * @param timesMillis epoch milliseconds (UTC), strictly increasing
 * @param values      value at each time, in the unit the metric name says
 */
public record Series(SeriesKey key, long[] timesMillis, double[] values) {

    public Series {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timesMillis, "timesMillis");
        Objects.requireNonNull(values, "values");
        if (timesMillis.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length: "
                    + timesMillis.length + " vs " + values.length);
        }
        for (int i = 1; i < timesMillis.length; i++) {
            if (timesMillis[i] <= timesMillis[i - 1]) {
                throw new IllegalArgumentException("times not strictly increasing at index " + i + " in " + key);
            }
        }
    }

    /** An empty series. */
    public static Series empty(SeriesKey key) {
        return new Series(key, new long[0], new double[0]);
    }

    /** Number of points. */
    public int size() {
        return timesMillis.length;
    }

    /** True when there are no points. */
    public boolean isEmpty() {
        return timesMillis.length == 0;
    }

    /** Time of point i, epoch milliseconds. */
    public long timeMillis(int i) {
        return timesMillis[i];
    }

    /** Value of point i. */
    public double value(int i) {
        return values[i];
    }

    /** Time of the first point, epoch milliseconds; fails on an empty series. */
    public long firstMillis() {
        return timesMillis[0];
    }

    /** Time of the last point, epoch milliseconds; fails on an empty series. */
    public long lastMillis() {
        return timesMillis[timesMillis.length - 1];
    }

    /** Value of the last point; fails on an empty series. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** Span from first to last point in milliseconds; 0 for fewer than two points. */
    public long spanMillis() {
        return timesMillis.length < 2 ? 0 : lastMillis() - firstMillis();
    }

    /** The points with {@code fromMillis <= t <= toMillis}, sharing nothing with this series. */
    public Series between(long fromMillis, long toMillis) {
        int lo = lowerBound(fromMillis);
        int hi = lowerBound(toMillis == Long.MAX_VALUE ? toMillis : toMillis + 1);
        return slice(lo, hi);
    }

    /** The points at or before {@code atMillis}: how the series looked when the clock read that time. */
    public Series upTo(long atMillis) {
        return between(Long.MIN_VALUE, atMillis);
    }

    /** Points with index in {@code [from, to)}, copied. */
    public Series slice(int from, int to) {
        return new Series(key, Arrays.copyOfRange(timesMillis, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** Index of the first point with time at or after {@code timeMillis}; {@link #size()} if none. */
    public int lowerBound(long timeMillis) {
        int i = Arrays.binarySearch(timesMillis, timeMillis);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && key.equals(s.key)
                && Arrays.equals(timesMillis, s.timesMillis) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(timesMillis) * 17 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return key + "[" + size() + " points]";
    }
}
