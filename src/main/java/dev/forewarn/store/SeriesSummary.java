package dev.forewarn.store;

import dev.forewarn.series.SeriesKey;

/**
 * One series at a glance, for listings.
 *
 * @param key          the series
 * @param rawPoints    raw points kept
 * @param rollupHours  hourly roll-ups kept for retired raw points
 * @param firstMillis  time of the oldest point (a roll-up counts at its mid-hour), epoch ms; null when empty
 * @param lastMillis   time of the newest point, epoch ms; null when empty
 * @param lastValue    value of the newest point; NaN when empty
 */
public record SeriesSummary(SeriesKey key, long rawPoints, long rollupHours, Long firstMillis, Long lastMillis,
                            double lastValue) {

    /** Raw points plus roll-up points: what {@link SampleStore#read} returns over all time. */
    public long points() {
        return rawPoints + rollupHours;
    }
}
