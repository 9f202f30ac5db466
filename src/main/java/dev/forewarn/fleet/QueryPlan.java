package dev.forewarn.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * How one window is asked of {@code /api/v1/query_range}: the evaluation times lie on multiples
 * of the step (so that samples scraped on that grid come back at their own timestamps), and a
 * window that would need more than {@link #MAX_POINTS} points a series is split into chunks of at
 * most that many, because Prometheus refuses a query that asks for more than 11,000 points.
 *
 * @param stepSeconds resolution, seconds
 * @param chunks      the consecutive, non-overlapping {@code [start, end]} pairs in epoch seconds
 */
public record QueryPlan(long stepSeconds, List<long[]> chunks) {

    /** Prometheus's own limit of points a series in one range query. */
    public static final int MAX_POINTS = 11_000;

    /**
     * Plans a window.
     *
     * @param fromMillis  the window's start, epoch milliseconds (rounded up to the step grid)
     * @param toMillis    its end (rounded down to the step grid)
     * @param stepSeconds resolution, seconds, at least 1
     * @param maxPoints   points a series per query, at most {@link #MAX_POINTS}
     */
    public static QueryPlan of(long fromMillis, long toMillis, long stepSeconds, int maxPoints) {
        if (stepSeconds < 1) {
            throw new IllegalArgumentException("step must be at least 1 s, got " + stepSeconds);
        }
        if (maxPoints < 1 || maxPoints > MAX_POINTS) {
            throw new IllegalArgumentException("points per query must be 1.." + MAX_POINTS + ", got " + maxPoints);
        }
        long start = Math.floorDiv(Math.floorDiv(fromMillis + 999, 1000) + stepSeconds - 1, stepSeconds) * stepSeconds;
        long end = Math.floorDiv(Math.floorDiv(toMillis, 1000), stepSeconds) * stepSeconds;
        List<long[]> chunks = new ArrayList<>();
        long span = (long) (maxPoints - 1) * stepSeconds;
        for (long s = start; s <= end; s += span + stepSeconds) {
            chunks.add(new long[] {s, Math.min(end, s + span)});
        }
        return new QueryPlan(stepSeconds, List.copyOf(chunks));
    }

    /** Points a series over all chunks. */
    public long points() {
        long n = 0;
        for (long[] c : chunks) {
            n += (c[1] - c[0]) / stepSeconds + 1;
        }
        return n;
    }
}
