package dev.forewarn.forecast;

/**
 * The points a model may use, prepared once per forecast: x in days relative to the evaluation
 * time (so x ≤ 0 and the present is 0), y in series units, and the segment (regime) of each
 * point, numbered from 0 and non-decreasing, so models can fit one slope across level shifts with
 * one level per segment.
 *
 * @param atMillis evaluation time, epoch milliseconds
 * @param x        days relative to {@code atMillis}, increasing
 * @param y        values
 * @param segment  segment id of each point, non-decreasing
 * @param rawPoints how many stored points the window held before any averaging onto a coarser grid
 */
record Window(long atMillis, double[] x, double[] y, int[] segment, int rawPoints) {

    static final double DAY_MILLIS = 86_400_000.0;

    int size() {
        return x.length;
    }

    /** Index of the first point of the segment that holds point {@code to - 1}. */
    int lastSegmentStart(int to) {
        int s = segment[to - 1];
        int i = to - 1;
        while (i > 0 && segment[i - 1] == s) {
            i--;
        }
        return i;
    }

    /** Number of points with x ≤ {@code originDays}. */
    int countUpTo(double originDays) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= originDays) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long millisOf(double days) {
        return atMillis + Math.round(days * DAY_MILLIS);
    }
}
