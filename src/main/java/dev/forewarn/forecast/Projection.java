package dev.forewarn.forecast;

import dev.forewarn.series.SeriesKey;

/**
 * One series' projection toward a threshold, with the evidence behind it. This is the JSON
 * object that {@code forecast --format json} prints (see DESIGN.md). Unknown values are null,
 * never invented: {@code etaMillis} is null when there is no trend toward the threshold within
 * the horizon, and {@code reason} then says why.
 *
 * @param series        the series projected
 * @param atMillis      evaluation time, epoch milliseconds
 * @param value         the present value (last point at or before {@code atMillis}), or null if none
 * @param threshold     the level that counts as exhaustion
 * @param direction     which way the series must move to reach it
 * @param etaMillis     projected crossing, epoch milliseconds, or null
 * @param etaLowMillis  early bound of the crossing interval (pessimistic path), or null
 * @param etaHighMillis late bound (optimistic path), or null when it lies beyond the horizon
 * @param confidence    coverage of the interval, e.g. 0.8
 * @param method        the model used, in words ("theil-sen over the segment since the last cleanup")
 * @param reason        why this method was chosen over the others, or why there is no eta
 * @param fit           the fit of the chosen model, or null when nothing was fitted
 * @param backtest      how the method did on this series' past
 * @param dataSha256    SHA-256 (hex) of the points used, so the numbers can be reproduced
 */
public record Projection(
        SeriesKey series,
        long atMillis,
        Double value,
        double threshold,
        Direction direction,
        Long etaMillis,
        Long etaLowMillis,
        Long etaHighMillis,
        double confidence,
        String method,
        String reason,
        Fit fit,
        BacktestSummary backtest,
        String dataSha256) {

    /** True when a crossing date was projected. */
    public boolean hasEta() {
        return etaMillis != null;
    }
}
