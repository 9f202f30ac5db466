package dev.forewarn.forecast.bench;

import dev.forewarn.forecast.Direction;
import dev.forewarn.series.Series;

/**
 * One case to replay: a whole series (which runs on past its truth), the threshold it is judged
 * against and the origins at which the engine is asked, each seeing only the points at or before
 * it.
 *
 * @param family           the family the case was drawn from (or the real data set)
 * @param kind             fill (a truth within the origins' reach) or quiet (no touch within a year of any origin)
 * @param draw             which draw of the family, from 0
 * @param series           every point, past the truth too
 * @param size             the companion size series ({@code fs.size_bytes}, {@code mem.total_bytes}), or null
 * @param threshold        the level that counts as exhaustion, in the series' unit
 * @param direction        which way exhaustion lies
 * @param onsetMillis      when the process that leads to the truth began (a resize, a restart; the
 *                         series start otherwise): earlier origins could not have foreseen the
 *                         truth and are not scored
 * @param truthMillis      first sample at or beyond the threshold ({@link FirstTouch}), or null when none
 * @param knownUntilMillis the last sample: a quiet case is known to stay clear until here
 * @param originsMillis    evaluation times, ascending
 * @param parameters       the drawn parameters in words, for reading a surprising result
 */
public record GeneratedCase(String family, Kind kind, int draw, Series series, Series size, double threshold,
                            Direction direction, long onsetMillis, Long truthMillis, long knownUntilMillis,
                            long[] originsMillis, String parameters) {

    /** Fill cases reach their threshold after every origin; quiet cases never do within a year. */
    public enum Kind { FILL, QUIET }

    /** Origins earlier than this after the onset are not scored (a new trend needs a few hours to show). */
    static final long ONSET_GRACE_MILLIS = 6 * 3_600_000L;

    /** True when the origin is scored (coverage, error, lead, false alarms): it lies after the onset. */
    boolean scored(long originMillis) {
        return originMillis >= onsetMillis + ONSET_GRACE_MILLIS;
    }
}
