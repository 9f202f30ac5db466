package dev.forewarn.forecast.bench;

/**
 * Where a case is asked: every {@link #SPACING_MILLIS} (17 h, not a divisor of a day, so that the
 * origins visit every hour of the day) from {@link #FIRST_BEFORE_MILLIS} (45 days) to
 * {@link #LAST_BEFORE_MILLIS} (12 hours) before the end (the truth, or a quiet case's nominal end),
 * never earlier than the common warm-up after the series start. The same rule for every case.
 */
final class Origins {

    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;
    static final long SPACING_MILLIS = 17 * HOUR;
    static final long FIRST_BEFORE_MILLIS = 45 * DAY;
    static final long LAST_BEFORE_MILLIS = 12 * HOUR;

    private Origins() {
    }

    /**
     * The origins before {@code endMillis}, ascending.
     *
     * @param endMillis      the truth (or a quiet case's nominal end)
     * @param earliestMillis no origin before this (series start plus the warm-up)
     * @param phase          in [0, 1): how far into the first 17 h gap the last origin sits, drawn per case
     * @param spacingMillis  origin spacing
     */
    static long[] before(long endMillis, long earliestMillis, double phase, long spacingMillis) {
        long last = endMillis - LAST_BEFORE_MILLIS - Math.round(phase * spacingMillis);
        long first = Math.max(endMillis - FIRST_BEFORE_MILLIS, earliestMillis);
        int n = last < first ? 0 : (int) ((last - first) / spacingMillis) + 1;
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[n - 1 - k] = last - k * spacingMillis;
        }
        return out;
    }

    /** {@link #before(long, long, double, long)} with the 17 h spacing. */
    static long[] before(long endMillis, long earliestMillis, double phase) {
        return before(endMillis, earliestMillis, phase, SPACING_MILLIS);
    }
}
