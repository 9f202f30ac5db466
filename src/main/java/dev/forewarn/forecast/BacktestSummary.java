package dev.forewarn.forecast;

/**
 * How well the chosen method forecast this series' own past (rolling-origin backtest).
 *
 * @param origins            how many past evaluation times were replayed
 * @param medianAbsErrorPct  median absolute error of the forecast value at the horizon, as a
 *                           percentage of the true change; null when there were no origins
 * @param coverage           share of the later origins' errors (per day of horizon) that stayed inside the
 *                           rate band set on the earlier origins' errors (0..1), or null
 * @param coverageErrors     how many errors {@code coverage} was judged on (0 with a null coverage)
 */
public record BacktestSummary(int origins, Double medianAbsErrorPct, Double coverage, int coverageErrors) {

    /** A summary without a coverage. */
    public BacktestSummary(int origins, Double medianAbsErrorPct) {
        this(origins, medianAbsErrorPct, null, 0);
    }

    /** No backtest could be run (too little history). */
    public static BacktestSummary none() {
        return new BacktestSummary(0, null);
    }
}
