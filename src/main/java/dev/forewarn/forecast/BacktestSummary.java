package dev.forewarn.forecast;

/**
 * How well the chosen method forecast this series' own past (rolling-origin backtest).
 *
 * @param origins            how many past evaluation times were replayed
 * @param medianAbsErrorPct  median absolute error of the forecast value at the horizon, as a
 *                           percentage of the true change; null when there were no origins
 * @param coverage           share of origins whose interval held the truth (0..1), or null
 */
public record BacktestSummary(int origins, Double medianAbsErrorPct, Double coverage) {

    /** No backtest could be run (too little history). */
    public static BacktestSummary none() {
        return new BacktestSummary(0, null, null);
    }
}
