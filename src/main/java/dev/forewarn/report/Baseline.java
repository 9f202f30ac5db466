package dev.forewarn.report;

import dev.forewarn.forecast.BacktestSummary;

/**
 * What Prometheus {@code predict_linear} would have said about the same series at the same time,
 * so the reader sees the method beside the tool they already know.
 *
 * @param method    e.g. "predict_linear over the last 7 days"
 * @param etaMillis its crossing, epoch milliseconds, or null when it projects none
 * @param backtest  how it did on this series' past, or null when not replayed
 */
public record Baseline(String method, Long etaMillis, BacktestSummary backtest) {
}
