package dev.forewarn.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The roll-up of one series over one hour: count, minimum, maximum, mean and last value of its
 * non-NaN raw points. Values in the series' own unit; {@code hour} is the hour index
 * (epoch milliseconds / 3,600,000); {@code lastMillis} is the time of the last point.
 */
record HourAgg(long hour, long n, double min, double max, double avg, double last, long lastMillis) {

    static final long HOUR_MILLIS = 3_600_000L;

    /** The time a roll-up point is shown at: the middle of its hour, where its mean belongs. */
    long midMillis() {
        return hour * HOUR_MILLIS + HOUR_MILLIS / 2;
    }

    /** One aggregate of this hour. */
    double get(Agg agg) {
        return switch (agg) {
            case MIN -> min;
            case MAX -> max;
            case AVG -> avg;
            case LAST -> last;
        };
    }

    /** This hour combined with another roll-up of the same hour (e.g. points imported late). */
    HourAgg combine(HourAgg o) {
        long total = n + o.n;
        double mean = (avg * n + o.avg * o.n) / total;
        boolean mine = lastMillis >= o.lastMillis;
        return new HourAgg(hour, total, Math.min(min, o.min), Math.max(max, o.max), mean,
                mine ? last : o.last, mine ? lastMillis : o.lastMillis);
    }

    /** The hourly roll-ups of sorted points; NaN points (missing readings) are left out. */
    static List<HourAgg> of(long[] times, double[] values, int from, int to) {
        List<HourAgg> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            long hour = Math.floorDiv(times[i], HOUR_MILLIS);
            long n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double last = Double.NaN;
            long lastT = 0;
            for (; i < to && Math.floorDiv(times[i], HOUR_MILLIS) == hour; i++) {
                double v = values[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                last = v;
                lastT = times[i];
            }
            if (n > 0) {
                out.add(new HourAgg(hour, n, min, max, sum / n, last, lastT));
            }
        }
        return out;
    }
}
