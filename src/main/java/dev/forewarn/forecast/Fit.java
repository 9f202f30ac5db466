package dev.forewarn.forecast;

/**
 * How the chosen model fits the points it used.
 *
 * @param samples      points used by the fit
 * @param fromMillis   first point used, epoch milliseconds
 * @param toMillis     last point used, epoch milliseconds
 * @param slopePerDay  trend at the evaluation time, series units per day
 * @param r2           coefficient of determination of the fit on those points, or null
 * @param residualSd   standard deviation of the residuals, series units, or null
 */
public record Fit(int samples, long fromMillis, long toMillis, double slopePerDay, Double r2, Double residualSd) {
}
