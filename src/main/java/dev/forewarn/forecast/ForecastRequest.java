package dev.forewarn.forecast;

/**
 * What to project: when does the series reach {@code threshold} moving in {@code direction},
 * judged at {@code atMillis} with only points at or before it.
 *
 * @param threshold      the level that counts as exhaustion, in the series' unit
 * @param direction      which way the series must move to reach it
 * @param atMillis       evaluation time, epoch milliseconds (the clock, or {@code --at})
 * @param confidence     coverage of the crossing interval, e.g. 0.8
 * @param horizonMillis  how far ahead a crossing still counts; beyond it {@code eta} is null
 */
public record ForecastRequest(double threshold, Direction direction, long atMillis, double confidence, long horizonMillis) {

    /** One year: crossings further away are not reported as dates. */
    public static final long DEFAULT_HORIZON_MILLIS = 365L * 86_400_000L;

    public ForecastRequest {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        if (horizonMillis <= 0) {
            throw new IllegalArgumentException("horizon must be positive");
        }
    }
}
